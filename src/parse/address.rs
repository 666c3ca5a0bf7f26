//! Addressees of the `FM`, `TO` and `INFO` lines:
//! `RUEHC/SECSTATE WASHDC IMMEDIATE 4065`.

use super::split::is_routing_indicator;
use crate::model::Addressee;

/// Precedence words an addressee may carry, longest first.
const PRECEDENCES: [&str; 5] = ["NIACT IMMEDIATE", "IMMEDIATE", "PRIORITY", "ROUTINE", "FLASH"];

/// Parses one addressee. Names contain spaces and slashes
/// (`RHMFISS/425ABG IZMIR TU//CC//`), so the route is split off at the first
/// `/` only when it is a routing indicator, and precedence and serial are
/// peeled from the right.
pub fn addressee(text: &str) -> Option<Addressee> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let (route, rest) = match text.split_once('/') {
        Some((ri, rest)) if is_routing_indicator(ri) => (Some(ri.to_string()), rest),
        _ => (None, text),
    };
    let mut name = rest.trim_end();
    let mut serial = None;
    if let Some((head, last)) = name.rsplit_once(' ')
        && !last.is_empty()
        && last.len() <= 6
        && last.bytes().all(|b| b.is_ascii_digit())
    {
        serial = Some(last.to_string());
        name = head.trim_end();
    }
    let mut precedence = None;
    for word in PRECEDENCES {
        if let Some(head) = name.strip_suffix(word)
            && (head.is_empty() || head.ends_with(' '))
            && !head.trim().is_empty()
        {
            precedence = Some(word.to_string());
            name = head.trim_end();
            break;
        }
    }
    if name.is_empty() {
        // Only a route, serial or precedence (`RUEHC/ 1234`): a damaged line,
        // kept whole as the name rather than as an empty one.
        return Some(Addressee { route: None, name: text.to_string(), precedence: None, serial: None });
    }
    Some(Addressee { route, name: name.to_string(), precedence, serial })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_route_name_precedence_serial() {
        let a = addressee("RUEHC/SECSTATE WASHDC IMMEDIATE 4065").unwrap();
        assert_eq!(a.route.as_deref(), Some("RUEHC"));
        assert_eq!(a.name, "SECSTATE WASHDC");
        assert_eq!(a.precedence.as_deref(), Some("IMMEDIATE"));
        assert_eq!(a.serial.as_deref(), Some("4065"));
    }

    #[test]
    fn keeps_slashes_inside_names() {
        let a = addressee("RHMFISS/425ABG IZMIR TU//CC//").unwrap();
        assert_eq!(a.route.as_deref(), Some("RHMFISS"));
        assert_eq!(a.name, "425ABG IZMIR TU//CC//");
        assert_eq!(a.precedence, None);
        assert_eq!(a.serial, None);
    }

    #[test]
    fn reads_old_addressees_without_route() {
        let a = addressee("SECSTATE WASHDC PRIORITY").unwrap();
        assert_eq!(a.route, None);
        assert_eq!(a.name, "SECSTATE WASHDC");
        assert_eq!(a.precedence.as_deref(), Some("PRIORITY"));
        let a = addressee("RUEHGV/USMISSION GENEVA NIACT IMMEDIATE 0000").unwrap();
        assert_eq!(a.precedence.as_deref(), Some("NIACT IMMEDIATE"));
        assert_eq!(a.serial.as_deref(), Some("0000"));
        let a = addressee("RUEHZL/EUROPEAN POLITICAL COLLECTIVE").unwrap();
        assert_eq!(a.name, "EUROPEAN POLITICAL COLLECTIVE");
    }

    #[test]
    fn a_name_is_never_empty() {
        let a = addressee("PRIORITY").unwrap();
        assert_eq!(a.name, "PRIORITY");
        assert!(addressee("   ").is_none());
    }

    #[test]
    fn empty_addressee_name_after_the_route() {
        // Found by the property tests: `RUEHC/` gave an addressee whose name
        // was empty, which the JSON contract does not allow.
        for text in ["RUEHC/", "RUEHC/ 1234", "RUEHC/  "] {
            let a = addressee(text).unwrap();
            assert_eq!(a.name, text.trim(), "{text}");
            assert_eq!((a.route, a.precedence, a.serial), (None, None, None));
        }
    }
}
