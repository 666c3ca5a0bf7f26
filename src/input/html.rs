//! A cable web page as published in 2010: a table (Reference ID, Created,
//! Released, Classification, Origin) and two `<pre>` blocks (header, body).

use crate::document::Publisher;

/// Does this text look like an HTML page?
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text.trim_start().chars().take(512).collect::<String>().to_ascii_lowercase();
    head.starts_with("<?xml")
        || head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.contains("<html")
}

/// What a page holds.
#[derive(Debug, Default, PartialEq)]
pub struct Page {
    pub header: Option<String>,
    pub body: String,
    pub publisher: Publisher,
    /// What of the page was not read.
    pub warnings: Vec<String>,
}

/// Reads a cable page. `None` when it has no `<pre>` block: not a cable page.
pub fn read_page(html: &str) -> Option<Page> {
    let blocks = pre_blocks(html);
    let (header, body) = match blocks.as_slice() {
        [] => return None,
        [body] => (None, body.clone()),
        [header, body, ..] => (Some(header.clone()), body.clone()),
    };
    let mut warnings = Vec::new();
    if blocks.len() > 2 {
        warnings.push(format!(
            "the page has {} <pre> blocks: only the first two (header and body) were read",
            blocks.len()
        ));
    }
    Some(Page { header, body, publisher: table(html), warnings })
}

/// Finds `needle` (ASCII, starting with `<`) in `hay` ignoring ASCII case.
fn find_ci(hay: &str, needle: &str, from: usize) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    memchr::memchr_iter(n[0], h.get(from..)?)
        .map(|p| from + p)
        .find(|&i| h.get(i..i + n.len()).is_some_and(|w| w.eq_ignore_ascii_case(n)))
}

/// The decoded text of every `<pre>` block.
fn pre_blocks(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(open) = find_ci(html, "<pre", at) {
        let Some(content_start) = html[open..].find('>').map(|p| open + p + 1) else {
            break;
        };
        let end = find_ci(html, "</pre>", content_start).unwrap_or(html.len());
        out.push(to_text(&html[content_start..end]));
        at = end;
    }
    out
}

/// The page table's cells: Reference ID, Created, Released, Classification,
/// Origin.
fn table(html: &str) -> Publisher {
    let Some(start) = find_ci(html, "<table class='cable'>", 0).or_else(|| find_ci(html, "<table class=\"cable\">", 0))
    else {
        return Publisher::default();
    };
    let end = find_ci(html, "</table>", start).unwrap_or(html.len());
    let mut cells = Vec::new();
    let mut at = start;
    while let Some(open) = find_ci(&html[..end], "<td", at) {
        let Some(content) = html[open..end].find('>').map(|p| open + p + 1) else {
            break;
        };
        let close = find_ci(&html[..end], "</td>", content).unwrap_or(end);
        cells.push(to_text(&html[content..close]).trim().to_string());
        at = close;
    }
    let cell = |n: usize| cells.get(n).filter(|c| !c.is_empty()).cloned();
    Publisher {
        id: cell(0).filter(|id| id.bytes().all(|b| b.is_ascii_alphanumeric())),
        created: cell(1).and_then(|c| iso_created(&c)),
        classification: cell(3),
        origin: cell(4),
    }
}

/// `2005-06-22 15:03` -> `2005-06-22T15:03`.
fn iso_created(cell: &str) -> Option<String> {
    let (date, time) = cell.split_once(' ')?;
    let ok = date.len() == 10 && time.len() == 5 && date.as_bytes()[4] == b'-' && time.as_bytes()[2] == b':';
    ok.then(|| format!("{date}T{time}"))
}

/// Removes tags, decodes entities and drops the pilcrows the site put before
/// paragraph markers.
pub fn to_text(fragment: &str) -> String {
    let mut out = String::with_capacity(fragment.len());
    let mut rest = fragment;
    // A `<` after the last `>` opens no tag; knowing where that is spares a
    // search to the end of the text for every such `<`.
    let last_gt = fragment.rfind('>');
    while let Some(p) = rest.find(['<', '&']) {
        out.push_str(&rest[..p]);
        let tail = &rest[p..];
        if let Some(after) = tail.strip_prefix('<') {
            // Only what looks like a tag is markup; a bare `<` is text.
            let at = fragment.len() - after.len();
            let is_tag = after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!')
                && last_gt.is_some_and(|gt| gt >= at);
            match if is_tag { after.find('>') } else { None } {
                Some(close) => rest = &after[close + 1..],
                None => {
                    out.push('<');
                    rest = after;
                }
            }
        } else {
            match entity(tail) {
                Some((c, len)) => {
                    out.push(c);
                    rest = &tail[len..];
                }
                None => {
                    out.push('&');
                    rest = &tail[1..];
                }
            }
        }
    }
    out.push_str(rest);
    out.retain(|c| c != '\u{b6}');
    out
}

/// An entity at the start of `s`: the character and the entity's length.
fn entity(s: &str) -> Option<(char, usize)> {
    let end = s.bytes().take(12).position(|b| b == b';')?;
    let name = &s[1..end];
    let c = if let Some(num) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
        char::from_u32(u32::from_str_radix(num, 16).ok()?)?
    } else if let Some(num) = name.strip_prefix('#') {
        char::from_u32(num.parse().ok()?)?
    } else {
        match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{a0}',
            "para" => '\u{b6}',
            "ndash" => '\u{2013}',
            "mdash" => '\u{2014}',
            "lsquo" => '\u{2018}',
            "rsquo" => '\u{2019}',
            "ldquo" => '\u{201c}',
            "rdquo" => '\u{201d}',
            _ => return None,
        }
    };
    Some((c, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<?xml version='1.0' encoding='utf-8' ?>\n<html><body>\
        <table class='cable'>\n<tr>\n<th>Reference ID</th>\n</tr>\n<tr>\n\
        <td>\n<a href='/cable/2005/06/05BRASILIA1660.html'>05BRASILIA1660</a>\n</td>\n\
        <td>\n<a href='/date/2005-06_0.html'>2005-06-22 15:03</a>\n</td>\n\
        <td>\n<a href='/reldate/2010-12-10_0.html'>2010-12-10 09:09</a>\n</td>\n\
        <td>\n<a href='/classification/6_0.html' title='confidential//noforn'>UNCLASSIFIED//FOR OFFICIAL USE ONLY</a>\n</td>\n\
        <td>\n<a href='/origin/83_0.html'>Embassy Brasilia</a>\n</td>\n</tr>\n</table>\n\
        <code><pre>This record is a partial extract.</pre></code>\n\
        <code><pre>UNCLAS SECTION 01 OF 02 BRASILIA 001660 &#x000A;&#x000A;TAGS: <a href='/tag/PGOV_0.html'>PGOV</a>&#x000A;\
        <a id='par1' href='#par1'>\u{b6}</a>1. (SBU) Mines &amp; Energy, 5 < 6</pre></code></body></html>";

    #[test]
    fn reads_the_table_and_blocks() {
        let page = read_page(PAGE).unwrap();
        assert_eq!(page.publisher.id.as_deref(), Some("05BRASILIA1660"));
        assert_eq!(page.publisher.created.as_deref(), Some("2005-06-22T15:03"));
        assert_eq!(page.publisher.classification.as_deref(), Some("UNCLASSIFIED//FOR OFFICIAL USE ONLY"));
        assert_eq!(page.publisher.origin.as_deref(), Some("Embassy Brasilia"));
        assert_eq!(page.header.as_deref(), Some("This record is a partial extract."));
        assert_eq!(page.body, "UNCLAS SECTION 01 OF 02 BRASILIA 001660 \n\nTAGS: PGOV\n1. (SBU) Mines & Energy, 5 < 6");
    }

    #[test]
    fn says_when_it_drops_extra_pre_blocks() {
        assert!(read_page(PAGE).unwrap().warnings.is_empty());
        let extra = PAGE.replace("</body>", "<pre>a comment box</pre></body>");
        let page = read_page(&extra).unwrap();
        assert_eq!(page.warnings, ["the page has 3 <pre> blocks: only the first two (header and body) were read"]);
        assert!(page.body.starts_with("UNCLAS SECTION 01 OF 02"));
    }

    #[test]
    fn a_page_without_pre_is_not_a_cable() {
        assert_eq!(read_page("<html><body><p>hello</p></body></html>"), None);
        assert!(looks_like_html("<!DOCTYPE html PUBLIC"));
        assert!(!looks_like_html("UNCLAS <b>"));
    }

    #[test]
    fn decodes_entities() {
        assert_eq!(to_text("a &amp; b &#39;c&#39; &bogus; &"), "a & b 'c' &bogus; &");
    }

    #[test]
    fn quadratic_time_on_angle_brackets_without_a_closing_one() {
        // Each `<a` searched the rest of the text for `>`: 19 s for 1 MB.
        let html = "<a".repeat(500_000);
        let started = std::time::Instant::now();
        let text = to_text(&html);
        assert!(started.elapsed() < std::time::Duration::from_secs(2), "took {:?}", started.elapsed());
        assert_eq!(text, html, "a `<` that closes no tag is text");
        assert_eq!(to_text("<a <b>c"), "c", "a tag still swallows up to its `>`");
    }
}
