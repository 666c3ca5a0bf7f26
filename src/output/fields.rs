//! `--fields`: picking values out of a record by dotted path. A path walks
//! into objects by key and across arrays element by element, so
//! `references.id` is the ids of all references.

use serde_json::{Map, Value};

/// Values at `path` in `value` (several when the path crosses an array).
pub fn lookup<'a>(value: &'a Value, path: &str) -> Vec<&'a Value> {
    let mut current = vec![value];
    for key in path.split('.') {
        let mut next = Vec::new();
        for v in current {
            collect(v, key, &mut next);
        }
        current = next;
    }
    current
}

fn collect<'a>(value: &'a Value, key: &str, out: &mut Vec<&'a Value>) {
    match value {
        Value::Object(map) => {
            if let Some(v) = map.get(key) {
                out.push(v);
            }
        }
        Value::Array(items) => {
            for item in items {
                collect(item, key, out);
            }
        }
        _ => {}
    }
}

/// Does `path` name something in records shaped like `template`?
pub fn exists(template: &Value, path: &str) -> bool {
    !lookup(template, path).is_empty()
}

/// The value of `path` as one JSON value: the value itself for a plain
/// path, an array when the path crosses an array.
pub fn pick(value: &Value, path: &str) -> Value {
    let crosses_array = {
        let mut v = value;
        let mut crosses = false;
        for key in path.split('.') {
            match v {
                Value::Object(map) => match map.get(key) {
                    Some(next) => v = next,
                    None => break,
                },
                Value::Array(_) => {
                    crosses = true;
                    break;
                }
                _ => break,
            }
        }
        crosses
    };
    let found = lookup(value, path);
    if crosses_array {
        Value::Array(found.into_iter().filter(|v| !v.is_null()).cloned().collect())
    } else {
        found.first().map_or(Value::Null, |v| (*v).clone())
    }
}

/// A record with only `paths`, in that order, keyed by the path.
pub fn project(value: &Value, paths: &[String]) -> Value {
    let mut map = Map::new();
    for path in paths {
        map.insert(path.clone(), pick(value, path));
    }
    Value::Object(map)
}

/// A value as one table cell: lists joined with `|`, null as empty,
/// objects as compact JSON.
pub fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items.iter().filter(|v| !v.is_null()).map(cell).collect::<Vec<_>>().join("|"),
        Value::Object(_) => value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn record() -> Value {
        json!({
            "id": "08X1",
            "tags": ["PREL", "PGOV"],
            "source": {"path": "a.txt"},
            "references": [{"id": "08X2", "text": "X 2"}, {"id": null, "text": "email"}],
            "routing": null
        })
    }

    #[test]
    fn picks_paths() {
        let r = record();
        assert_eq!(pick(&r, "id"), json!("08X1"));
        assert_eq!(pick(&r, "source.path"), json!("a.txt"));
        assert_eq!(pick(&r, "references.id"), json!(["08X2"]));
        assert_eq!(pick(&r, "references.text"), json!(["X 2", "email"]));
        assert_eq!(pick(&r, "routing.precedence"), Value::Null);
        assert_eq!(pick(&r, "nothing"), Value::Null);
    }

    #[test]
    fn projects_in_order() {
        let p = project(&record(), &["tags".into(), "id".into()]);
        assert_eq!(p.to_string(), r#"{"tags":["PREL","PGOV"],"id":"08X1"}"#);
    }

    #[test]
    fn makes_cells() {
        let r = record();
        assert_eq!(cell(&pick(&r, "tags")), "PREL|PGOV");
        assert_eq!(cell(&pick(&r, "routing")), "");
        assert_eq!(cell(&pick(&r, "references.id")), "08X2");
        assert_eq!(cell(&json!(3)), "3");
    }

    #[test]
    fn knows_which_paths_exist() {
        let r = record();
        assert!(exists(&r, "source.path"));
        assert!(exists(&r, "references.id"));
        assert!(!exists(&r, "source.nope"));
        assert!(!exists(&r, "nope"));
    }
}
