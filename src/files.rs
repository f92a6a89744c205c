//! Reading the files Praxis is handed, so that no input can hang it or exhaust its memory: only
//! regular files are read, each up to a size that fits what it holds, and a folder's listing
//! skips — with a warning — what is not a regular file (a FIFO, a device, a socket) and links
//! that lead out of the folder.
//!
//! A file is opened without blocking (opening a FIFO for reading would wait for a writer) and
//! checked on the open handle, so that it cannot be swapped between the check and the read.
//!
//! Output never destroys input: a command's output file ([`Output`]) is written beside its name
//! and put in place when complete, never over an existing file unless the user forces it, and
//! never over a session record.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// The largest scenario file read: the nine scenarios are 20–90 KB.
pub const MAX_SCENARIO_BYTES: u64 = 16 << 20;
/// The largest event log read (a log expands to at most 200,000 actions).
pub const MAX_EVENT_LOG_BYTES: u64 = 16 << 20;
/// The largest session record read: an hour's record with its 10 Hz pose track is about 10 MB.
pub const MAX_RECORD_BYTES: u64 = 256 << 20;

/// Reads a regular file of at most `limit` bytes. The error says what is wrong with the path,
/// without the path itself.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    let file = open_regular(path)?;
    let len = file.metadata().map_err(|e| e.to_string())?.len();
    if len > limit {
        return Err(too_large(len, limit));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    // The file may grow while it is read: read one byte past the limit to notice.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64, limit));
    }
    Ok(bytes)
}

fn too_large(len: u64, limit: u64) -> String {
    format!(
        "the file is too large ({} MB; at most {} MB is read)",
        len.div_ceil(1 << 20),
        limit >> 20
    )
}

fn open_regular(path: &Path) -> Result<std::fs::File, String> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| e.to_string())?;
    let meta = file.metadata().map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err(format!("not a regular file ({})", kind(&meta.file_type())));
    }
    Ok(file)
}

/// What a file that is not a regular file is, in words.
fn kind(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() { "a folder" } else { "not a file" }
}

/// The regular files of a folder whose names end in `.ext`, sorted; with `recursive`, those of
/// its subfolders too. What is skipped is said in `warnings`: entries that are not regular
/// files, links that lead out of the folder given (or nowhere), and unreadable subfolders.
pub fn list(
    dir: &Path,
    ext: &str,
    recursive: bool,
    warnings: &mut Vec<String>,
) -> Result<Vec<PathBuf>, String> {
    let root = dir
        .canonicalize()
        .map_err(|e| format!("{}: {e}", dir.display()))?;
    if !root.is_dir() {
        return Err(format!("{}: not a folder", dir.display()));
    }
    let mut out = Vec::new();
    let mut seen = vec![root.clone()];
    walk(dir, &root, ext, recursive, &mut seen, &mut out, warnings)
        .map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(out)
}

fn walk(
    dir: &Path,
    root: &Path,
    ext: &str,
    recursive: bool,
    seen: &mut Vec<PathBuf>,
    out: &mut Vec<PathBuf>,
    warnings: &mut Vec<String>,
) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        let Ok(link) = std::fs::symlink_metadata(&p) else {
            continue;
        };
        let wanted = p.extension().is_some_and(|e| e == ext);
        let is_dir_like = link.is_dir() || (link.is_symlink() && p.is_dir());
        if !(wanted || recursive && is_dir_like) {
            continue;
        }
        // Where the entry really is: a link must stay inside the folder given.
        let Ok(real) = p.canonicalize() else {
            warnings.push(format!(
                "{}: skipped: a link that leads nowhere",
                p.display()
            ));
            continue;
        };
        if link.is_symlink() && !real.starts_with(root) {
            warnings.push(format!(
                "{}: skipped: a link that leads out of {} (to {})",
                p.display(),
                root.display(),
                real.display()
            ));
            continue;
        }
        let Ok(meta) = std::fs::metadata(&real) else {
            continue;
        };
        if meta.is_dir() {
            if recursive && !seen.contains(&real) {
                seen.push(real);
                if let Err(e) = walk(&p, root, ext, recursive, seen, out, warnings) {
                    warnings.push(format!("{}: skipped: {e}", p.display()));
                }
            }
            continue;
        }
        if !meta.is_file() {
            warnings.push(format!(
                "{}: skipped: not a regular file ({})",
                p.display(),
                kind(&meta.file_type())
            ));
            continue;
        }
        out.push(p);
    }
    Ok(())
}

/// Whether `path` may receive a command's output: it must not exist unless `force`, and it is
/// never a session record (nor a folder), forced or not.
pub fn check_output(path: &Path, force: bool) -> Result<(), String> {
    let meta = match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(format!("{}: {e}", path.display())),
        Ok(m) => m,
    };
    if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) || meta.is_dir() {
        return Err(format!("{} is a folder, not a file", path.display()));
    }
    if is_session_record(path) {
        return Err(format!(
            "{} is a session record: Praxis never writes over one, --force or not",
            path.display()
        ));
    }
    if !force {
        return Err(format!(
            "{} already exists: choose another name, or pass --force to replace it",
            path.display()
        ));
    }
    Ok(())
}

/// Whether a folder may receive a command's output files (a report and its plots): it must be
/// new or empty unless `force`, and never hold a session record.
pub fn check_output_dir(dir: &Path, force: bool) -> Result<(), String> {
    let entries = match std::fs::read_dir(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(format!("{}: {e}", dir.display())),
        Ok(rd) => rd.flatten().map(|e| e.path()).collect::<Vec<_>>(),
    };
    if let Some(record) = entries.iter().find(|p| is_session_record(p)) {
        return Err(format!(
            "{} holds a session record ({}): write the output elsewhere",
            dir.display(),
            record.display()
        ));
    }
    if !entries.is_empty() && !force {
        return Err(format!(
            "{} is not empty: choose a new or empty folder, or pass --force to replace a report there",
            dir.display()
        ));
    }
    Ok(())
}

/// Whether a file starts with a Praxis session record's header.
fn is_session_record(path: &Path) -> bool {
    let Ok(file) = open_regular(path) else {
        return false;
    };
    let mut head = Vec::new();
    if file.take(64 << 10).read_to_end(&mut head).is_err() {
        return false;
    }
    let first = head.split(|&b| b == b'\n').next().unwrap_or(&[]);
    serde_json::from_slice::<serde_json::Value>(first)
        .ok()
        .and_then(|v| {
            v.get("record")?
                .as_str()
                .map(|r| r == crate::record::RECORD_KIND)
        })
        .unwrap_or(false)
}

/// A command's output file, written beside its name (`.NAME.partial-PID`) and put in place by
/// [`Output::commit`] — without `force` only if nothing has taken the name meanwhile. Dropped
/// uncommitted, it leaves nothing behind.
pub struct Output {
    path: PathBuf,
    tmp: PathBuf,
    force: bool,
    file: Option<std::io::BufWriter<std::fs::File>>,
}

impl Output {
    /// Checks the name ([`check_output`]) and opens the file beside it.
    pub fn create(path: &Path, force: bool) -> Result<Output, String> {
        check_output(path, force)?;
        let name = path
            .file_name()
            .ok_or_else(|| format!("{}: not a file name", path.display()))?;
        let tmp = path.with_file_name(format!(
            ".{}.partial-{}",
            name.to_string_lossy(),
            std::process::id()
        ));
        // A new file, never one already there (a link planted under that name is removed,
        // not followed).
        let create = || {
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&tmp)
        };
        let file = match create() {
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                let _ = std::fs::remove_file(&tmp);
                create()
            }
            r => r,
        }
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        Ok(Output {
            path: path.to_path_buf(),
            tmp,
            force,
            file: Some(std::io::BufWriter::new(file)),
        })
    }

    /// Puts the file in place.
    pub fn commit(mut self) -> Result<(), String> {
        let err = |e: &dyn std::fmt::Display| format!("cannot write {}: {e}", self.path.display());
        let file = self.file.take().expect("an Output is committed once");
        let file = file.into_inner().map_err(|e| err(&e.error().to_string()))?;
        file.sync_all().map_err(|e| err(&e))?;
        drop(file);
        let placed = if self.force {
            check_output(&self.path, true)
                .and_then(|()| std::fs::rename(&self.tmp, &self.path).map_err(|e| err(&e)))
        } else {
            place_new(&self.tmp, &self.path).map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => format!(
                    "{} already exists: choose another name, or pass --force to replace it",
                    self.path.display()
                ),
                _ => err(&e),
            })
        };
        if placed.is_err() {
            let _ = std::fs::remove_file(&self.tmp);
        }
        self.tmp = PathBuf::new();
        placed
    }
}

/// Puts `tmp` at `path` only if nothing is there: a hard link fails if the name was taken since
/// the check; where the file system has no hard links (FAT, exFAT, some network shares), the
/// name is created exclusively and the bytes copied.
fn place_new(tmp: &Path, path: &Path) -> std::io::Result<()> {
    match std::fs::hard_link(tmp, path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(e),
        Err(_) => {
            let mut out = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)?;
            let copied = std::io::copy(&mut std::fs::File::open(tmp)?, &mut out)
                .and_then(|_| out.sync_all());
            if let Err(e) = copied {
                let _ = std::fs::remove_file(path);
                return Err(e);
            }
        }
    }
    std::fs::remove_file(tmp)
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.file
            .as_mut()
            .ok_or_else(|| std::io::Error::other("already committed"))?
            .write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self.file.as_mut() {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        if !self.tmp.as_os_str().is_empty() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// Writes a whole output file ([`Output`]).
pub fn write_output(path: &Path, bytes: &[u8], force: bool) -> Result<(), String> {
    let mut out = Output::create(path, force)?;
    out.write_all(bytes)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    out.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("praxis-files-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn a_file_over_its_limit_is_refused() {
        let d = temp("limit");
        let f = d.join("big.ron");
        std::fs::write(&f, vec![b'x'; 2000]).unwrap();
        assert_eq!(read_limited(&f, 2000).unwrap().len(), 2000);
        let e = read_limited(&f, 1999).unwrap_err();
        assert!(e.contains("too large"), "{e}");
        assert!(
            read_limited(&d, 10)
                .unwrap_err()
                .contains("not a regular file")
        );
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn output_never_replaces_a_file_unless_forced_and_never_a_record() {
        let d = temp("output");
        let f = d.join("out.csv");
        write_output(&f, b"one", false).unwrap();
        let e = write_output(&f, b"two", false).unwrap_err();
        assert!(e.contains("--force"), "{e}");
        assert_eq!(std::fs::read(&f).unwrap(), b"one");
        write_output(&f, b"two", true).unwrap();
        assert_eq!(std::fs::read(&f).unwrap(), b"two");
        let rec = d.join("s.jsonl");
        std::fs::write(&rec, "{\"record\":\"praxis-session\",\"format\":1}\n").unwrap();
        let e = write_output(&rec, b"[]", true).unwrap_err();
        assert!(e.contains("session record"), "{e}");
        // Nothing is left beside the names.
        let left: Vec<_> = std::fs::read_dir(&d)
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(left.len(), 2, "{left:?}");
        let _ = std::fs::remove_dir_all(&d);
    }

    #[cfg(unix)]
    #[test]
    fn fifos_devices_and_links_out_of_the_folder_are_skipped_with_a_warning() {
        let d = temp("list");
        let outside = temp("list-outside");
        std::fs::write(d.join("a.ron"), "()").unwrap();
        std::fs::write(outside.join("secret.ron"), "()").unwrap();
        std::fs::create_dir_all(d.join("sub")).unwrap();
        std::fs::write(d.join("sub/b.ron"), "()").unwrap();
        std::os::unix::fs::symlink(outside.join("secret.ron"), d.join("out.ron")).unwrap();
        std::os::unix::fs::symlink("/dev/zero", d.join("zero.ron")).unwrap();
        std::os::unix::fs::symlink(d.join("a.ron"), d.join("inside.ron")).unwrap();
        std::os::unix::fs::symlink(&d, d.join("sub/loop")).unwrap();
        let fifo = d.join("fifo.ron");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        let mut warnings = Vec::new();
        let files = list(&d, "ron", true, &mut warnings).unwrap();
        let names: Vec<String> = files
            .iter()
            .map(|p| p.strip_prefix(&d).unwrap().display().to_string())
            .collect();
        assert_eq!(names, ["a.ron", "inside.ron", "sub/b.ron"]);
        let all = warnings.join("\n");
        assert!(
            all.contains("fifo.ron: skipped: not a regular file (a FIFO)"),
            "{all}"
        );
        assert!(
            all.contains("out.ron: skipped: a link that leads out"),
            "{all}"
        );
        assert!(
            all.contains("zero.ron: skipped: a link that leads out"),
            "{all}"
        );
        // Opening the FIFO itself does not wait for a writer.
        assert!(read_limited(&fifo, 10).unwrap_err().contains("a FIFO"));
        let _ = std::fs::remove_dir_all(&d);
        let _ = std::fs::remove_dir_all(&outside);
    }
}
