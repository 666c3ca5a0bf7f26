//! The filters shared by every subcommand (`--tag`, `--classification`,
//! `--from`, `--to`, `--origin`, `--grep`): which parsed cables to print.

use crate::model::Cable;

#[derive(Debug, Default, Clone)]
pub struct Filter {
    /// Upper case; the cable must have all of them.
    pub tags: Vec<String>,
    /// Upper case level: `SECRET` matches `SECRET` and `SECRET//NOFORN`.
    pub classification: Option<String>,
    /// Inclusive day bounds, `YYYY-MM-DD`.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Lower case text the origin must contain.
    pub origin: Option<String>,
    pub grep: Option<regex::Regex>,
}

impl Filter {
    /// Does the filter let every cable through?
    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
            && self.classification.is_none()
            && self.from.is_none()
            && self.to.is_none()
            && self.origin.is_none()
            && self.grep.is_none()
    }

    /// The cable's day: from the DTG, else the publisher's creation time.
    fn day(cable: &Cable) -> Option<&str> {
        cable.date.as_deref().or(cable.created.as_deref()).and_then(|d| d.get(..10))
    }

    pub fn matches(&self, cable: &Cable) -> bool {
        let tags = self.tags.iter().all(|t| cable.tags.iter().any(|c| c.eq_ignore_ascii_case(t)));
        let level = self.classification.as_deref().is_none_or(|want| {
            cable.classification.as_deref().is_some_and(|c| {
                let c = c.to_ascii_uppercase();
                c == want || c.strip_prefix(want).is_some_and(|rest| rest.starts_with("//"))
            })
        });
        let dated = self.from.is_none() && self.to.is_none()
            || Self::day(cable).is_some_and(|day| {
                self.from.as_deref().is_none_or(|f| day >= f) && self.to.as_deref().is_none_or(|t| day <= t)
            });
        let origin = self
            .origin
            .as_deref()
            .is_none_or(|want| cable.origin.as_deref().is_some_and(|o| o.to_lowercase().contains(want)));
        let text = self.grep.as_ref().is_none_or(|re| {
            cable.subject.as_deref().is_some_and(|s| re.is_match(s))
                || cable.summary.as_deref().is_some_and(|s| re.is_match(s))
                || cable.paragraphs.iter().any(|p| re.is_match(&p.text))
        });
        tags && level && dated && origin && text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cable() -> Cable {
        Cable {
            tags: vec!["PREL".into(), "PTER".into()],
            classification: Some("SECRET//NOFORN".into()),
            date: Some("2008-04-07T23:54:00Z".into()),
            origin: Some("Embassy Paris".into()),
            subject: Some("TALKS ON IRAN".into()),
            ..Default::default()
        }
    }

    #[test]
    fn matches_each_filter() {
        let c = cable();
        assert!(Filter::default().matches(&c));
        assert!(Filter { tags: vec!["pter".into()], ..Default::default() }.matches(&c));
        assert!(!Filter { tags: vec!["PTER".into(), "ECON".into()], ..Default::default() }.matches(&c));
        assert!(Filter { classification: Some("SECRET".into()), ..Default::default() }.matches(&c));
        assert!(Filter { classification: Some("SECRET//NOFORN".into()), ..Default::default() }.matches(&c));
        assert!(!Filter { classification: Some("CONFIDENTIAL".into()), ..Default::default() }.matches(&c));
        let in_2008 = Filter { from: Some("2008-01-01".into()), to: Some("2008-12-31".into()), ..Default::default() };
        assert!(in_2008.matches(&c));
        assert!(!Filter { from: Some("2008-04-08".into()), ..Default::default() }.matches(&c));
        assert!(Filter { to: Some("2008-04-07".into()), ..Default::default() }.matches(&c), "bounds are inclusive");
        assert!(Filter { origin: Some("paris".into()), ..Default::default() }.matches(&c));
        assert!(!Filter { origin: Some("london".into()), ..Default::default() }.matches(&c));
        assert!(Filter { grep: regex::Regex::new("(?i)iran").ok(), ..Default::default() }.matches(&c));
        assert!(!Filter { grep: regex::Regex::new("Iraq").ok(), ..Default::default() }.matches(&c));
    }

    #[test]
    fn a_cable_without_a_date_fails_date_filters() {
        let c = Cable::default();
        assert!(!Filter { from: Some("2000-01-01".into()), ..Default::default() }.matches(&c));
        assert!(Filter::default().matches(&c));
    }
}
