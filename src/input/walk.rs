//! Folders: every file under a folder, recursively, in sorted order. Hidden
//! files and folders (`.git`, `.DS_Store`) are left out; symbolic links are
//! followed, and a link that loops back is reported, not followed forever.

use std::path::{Path, PathBuf};

/// One thing found in a folder.
#[derive(Debug, PartialEq)]
pub enum Entry {
    File(PathBuf),
    /// Something under the folder that could not be read.
    Error {
        path: String,
        message: String,
    },
}

fn is_hidden(entry: &walkdir::DirEntry) -> bool {
    entry.depth() > 0 && entry.file_name().to_str().is_some_and(|n| n.starts_with('.'))
}

/// Files under `dir`, sorted by path within each folder.
pub fn walk(dir: &Path) -> impl Iterator<Item = Entry> + use<> {
    walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !is_hidden(e))
        .filter_map(|entry| match entry {
            Ok(e) if e.file_type().is_file() => Some(Entry::File(e.into_path())),
            Ok(_) => None,
            Err(e) => {
                let path = e.path().map_or_else(|| "?".to_string(), |p| p.display().to_string());
                let message = if e.loop_ancestor().is_some() {
                    "symbolic link loop: not followed".to_string()
                } else {
                    match e.io_error().map(|io| io.kind()) {
                        Some(std::io::ErrorKind::PermissionDenied) => "permission denied".to_string(),
                        Some(std::io::ErrorKind::NotFound) => "no such file (broken link?)".to_string(),
                        _ => e.to_string(),
                    }
                };
                Some(Entry::Error { path, message })
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_sorted_and_skips_hidden() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/inner")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        for f in ["b/inner/z.txt", "b/a.txt", "c.txt", "a.txt", ".hidden", ".git/config"] {
            std::fs::write(root.join(f), "x").unwrap();
        }
        let found: Vec<String> = walk(root)
            .map(|e| match e {
                Entry::File(p) => p.strip_prefix(root).unwrap().display().to_string(),
                Entry::Error { path, message } => panic!("{path}: {message}"),
            })
            .collect();
        assert_eq!(found, ["a.txt", "b/a.txt", "b/inner/z.txt", "c.txt"]);
    }

    #[cfg(unix)]
    #[test]
    fn reports_a_symlink_loop() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("sub")).unwrap();
        std::fs::write(root.join("sub/cable.txt"), "x").unwrap();
        std::os::unix::fs::symlink(root, root.join("sub/loop")).unwrap();
        let entries: Vec<Entry> = walk(root).collect();
        assert!(entries.contains(&Entry::File(root.join("sub/cable.txt"))));
        assert!(
            entries.iter().any(|e| matches!(e, Entry::Error { message, .. } if message.contains("loop"))),
            "{entries:?}"
        );
    }
}
