//! What each subcommand prints of a cable: the whole record (`show`) or one
//! part of it, as JSON values. The JSON, table and line renderers all start
//! from these values, so the three forms always agree.

use serde_json::{Value, json};

use crate::model::Cable;

/// The part of a cable a subcommand prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Whole,
    Summary,
    Tags,
    Refs,
    /// Paragraphs, or only the one with this number.
    Paragraphs(Option<u32>),
    Meta,
}

/// Fields of `cable meta`, in order.
pub const META_FIELDS: [&str; 5] = ["id", "date", "classification", "origin", "subject"];

/// Columns of a table of whole cables when `--fields` does not say.
pub const DEFAULT_TABLE_FIELDS: [&str; 10] =
    ["id", "date", "classification", "origin", "subject", "tags", "references.id", "summary", "signers", "source.path"];

impl Part {
    /// The paragraphs a cable shows for this part.
    pub fn paragraphs<'a>(&self, cable: &'a Cable) -> impl Iterator<Item = &'a crate::model::Paragraph> {
        let only = match self {
            Part::Paragraphs(n) => *n,
            _ => None,
        };
        cable.paragraphs.iter().filter(move |p| only.is_none_or(|n| p.number == Some(n)))
    }

    /// The JSON object printed for a cable by `--json`.
    pub fn json(&self, cable: &Cable) -> Value {
        match self {
            Part::Whole => serde_json::to_value(cable).unwrap_or(Value::Null),
            Part::Summary => json!({"id": cable.id, "summary": cable.summary}),
            Part::Tags => json!({"id": cable.id, "tags": cable.tags}),
            Part::Refs => json!({"id": cable.id, "references": cable.references}),
            Part::Paragraphs(_) => {
                let paragraphs: Vec<_> = self.paragraphs(cable).collect();
                json!({"id": cable.id, "paragraphs": paragraphs})
            }
            Part::Meta => meta(cable),
        }
    }

    /// The rows a cable gives in a table: one per tag, reference or
    /// paragraph; one per cable otherwise.
    pub fn rows(&self, cable: &Cable) -> Vec<Value> {
        match self {
            Part::Whole | Part::Summary | Part::Meta => vec![self.json(cable)],
            Part::Tags => cable.tags.iter().map(|t| json!({"id": cable.id, "tag": t})).collect(),
            Part::Refs => cable
                .references
                .iter()
                .map(|r| json!({"id": cable.id, "label": r.label, "text": r.text, "ref_id": r.id}))
                .collect(),
            Part::Paragraphs(_) => self
                .paragraphs(cable)
                .map(|p| json!({"id": cable.id, "number": p.number, "marking": p.marking, "text": p.text}))
                .collect(),
        }
    }

    /// Table columns when `--fields` does not choose them.
    pub fn default_columns(&self) -> Vec<String> {
        let names: &[&str] = match self {
            Part::Whole => &DEFAULT_TABLE_FIELDS,
            Part::Summary => &["id", "summary"],
            Part::Tags => &["id", "tag"],
            Part::Refs => &["id", "label", "text", "ref_id"],
            Part::Paragraphs(_) => &["id", "number", "marking", "text"],
            Part::Meta => &META_FIELDS,
        };
        names.iter().map(|s| s.to_string()).collect()
    }
}

fn meta(cable: &Cable) -> Value {
    json!({
        "id": cable.id,
        "date": cable.date,
        "classification": cable.classification,
        "origin": cable.origin,
        "subject": cable.subject,
    })
}

/// A cable with every optional part present, to check `--fields` paths
/// against.
fn full_cable() -> Cable {
    use crate::model::*;
    Cable {
        id: Some(String::new()),
        source: Source { path: Some(String::new()), record: Some(1), offset: Some(0), ..Default::default() },
        created: Some(String::new()),
        routing: Some(Routing {
            transmission_id: Some(String::new()),
            precedence: Some(String::new()),
            routing_indicators: vec![String::new()],
            station: Some(String::new()),
            station_serial: Some(String::new()),
            filing_time: Some(String::new()),
            security: Some(String::new()),
        }),
        dtg: Some(String::new()),
        date: Some(String::new()),
        origin: Some(String::new()),
        from: Some(String::new()),
        to: vec![Addressee::default()],
        info: vec![Addressee::default()],
        classification: Some(String::new()),
        office: Some(String::new()),
        serial: Some(String::new()),
        section: Some(Section { number: 1, of: 1 }),
        captions: vec![String::new()],
        distribution: vec![String::new()],
        declassification: Some(Declassification::default()),
        tags: vec![String::new()],
        subject: Some(String::new()),
        references: vec![Reference::default()],
        classified_by: Some(ClassifiedBy { reasons: vec![String::new()], ..Default::default() }),
        summary: Some(String::new()),
        paragraphs: vec![Paragraph { number: Some(1), ..Default::default() }],
        signers: vec![String::new()],
        warnings: vec![String::new()],
    }
}

impl Part {
    /// Field paths a `--fields` list may name for this part, checked against
    /// a cable that has everything: `Err` names the first unknown one.
    pub fn check_fields(&self, fields: &[String], table: bool) -> Result<(), String> {
        let cable = full_cable();
        // The shape does not depend on which paragraph is asked for.
        let shape = match self {
            Part::Paragraphs(_) => Part::Paragraphs(None),
            other => *other,
        };
        let template =
            if table { shape.rows(&cable).into_iter().next().unwrap_or(Value::Null) } else { shape.json(&cable) };
        match fields.iter().find(|f| !super::fields::exists(&template, f)) {
            None => Ok(()),
            Some(bad) => {
                let known: Vec<&String> = template.as_object().map(|m| m.keys().collect()).unwrap_or_default();
                let known: Vec<&str> = known.iter().map(|k| k.as_str()).collect();
                Err(format!("unknown field '{bad}' (fields here: {})", known.join(", ")))
            }
        }
    }
}
