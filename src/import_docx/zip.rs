//! The zip container of a `.docx`, read from its central directory over the
//! file's bytes: which entries there are, where each one's compressed
//! bytes lie and how large it says it is. No inflating here: the browser
//! inflates with `DecompressionStream("deflate-raw")` (the download carries
//! no inflate code), tests with `miniz_oxide`; stored entries are copied
//! by `stored`.
//!
//! Defensive: every offset is checked against the file, entries may not
//! overlap one another or the directory, names may not climb out ("..")
//! or be absolute, and zip64, encryption and methods other than stored
//! and deflate are refused by name. Any bytes give entries or an error,
//! never a panic, in time linear in the directory's size.

use std::ops::Range;

/// The most entries a Word file's directory may list. Word writes a few
/// dozen; thousands mean something else.
pub const MAX_ENTRIES: usize = 5_000;

/// Stored (no compression).
pub const STORED: u16 = 0;
/// Deflate.
pub const DEFLATED: u16 = 8;

/// One entry of the archive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZipEntry {
    pub name: String,
    /// 0 stored, 8 deflate (other methods are refused when listing).
    pub method: u16,
    /// The entry's compressed bytes in the archive, after its local header.
    pub data: Range<usize>,
    pub compressed_len: u64,
    /// The size the directory declares once inflated (not trusted: the
    /// inflater is capped at it).
    pub uncompressed_len: u64,
}

impl ZipEntry {
    /// The most bytes an inflater should give for this entry: its
    /// declared size and one more, so that a stream that runs past what it
    /// declared shows it (`read` then refuses the part as too large).
    pub fn inflate_cap(&self) -> usize {
        usize::try_from(self.uncompressed_len)
            .unwrap_or(usize::MAX)
            .saturating_add(1)
    }
}

/// What is wrong with an archive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ZipProblem {
    /// No end-of-directory record: not a zip, or cut short.
    NoDirectory,
    /// An offset or length points outside the file.
    Truncated,
    /// Two entries (or an entry and the directory) share bytes.
    Overlapping,
    /// A name that climbs out of the archive or is absolute, or not UTF-8.
    BadName(String),
    /// The same name twice.
    Duplicate(String),
    /// A compression method other than stored and deflate.
    Method { name: String, method: u16 },
    /// Zip64 records (archives over 4 GB or 65,535 entries).
    Zip64,
    /// A password-protected entry.
    Encrypted(String),
    /// More entries than a Word file has.
    TooManyEntries,
    /// Split over several disks.
    MultiDisk,
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    let b = bytes.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([b[0], b[1]]))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

const EOCD: u32 = 0x0605_4b50;
const ZIP64_LOCATOR: u32 = 0x0706_4b50;
const CENTRAL: u32 = 0x0201_4b50;
const LOCAL: u32 = 0x0403_4b50;

/// Where the end-of-central-directory record starts: searched back from
/// the end over at most the longest comment.
fn find_eocd(bytes: &[u8]) -> Option<usize> {
    if bytes.len() < 22 {
        return None;
    }
    let lowest = bytes.len().saturating_sub(22 + usize::from(u16::MAX));
    (lowest..=bytes.len() - 22).rev().find(|&at| {
        u32_at(bytes, at) == Some(EOCD)
            // The comment must end exactly at the end of the file.
            && u16_at(bytes, at + 20).is_some_and(|len| at + 22 + usize::from(len) == bytes.len())
    })
}

/// A name that stays inside the archive: relative, no "..", no
/// backslashes, no NUL.
fn name_is_safe(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('/')
        && !name.contains('\\')
        && !name.contains('\0')
        && !name.contains(':')
        && name
            .split('/')
            .all(|segment| segment != ".." && segment != ".")
}

/// Lists the archive's entries from its central directory.
pub fn entries(bytes: &[u8]) -> Result<Vec<ZipEntry>, ZipProblem> {
    let eocd = find_eocd(bytes).ok_or(ZipProblem::NoDirectory)?;
    if eocd >= 20 && u32_at(bytes, eocd - 20) == Some(ZIP64_LOCATOR) {
        return Err(ZipProblem::Zip64);
    }
    let field16 = |offset: usize| u16_at(bytes, eocd + offset).ok_or(ZipProblem::Truncated);
    let field32 = |offset: usize| u32_at(bytes, eocd + offset).ok_or(ZipProblem::Truncated);
    let (disk, cd_disk, on_disk, total) = (field16(4)?, field16(6)?, field16(8)?, field16(10)?);
    let (cd_size, cd_offset) = (field32(12)?, field32(16)?);
    if on_disk == u16::MAX || total == u16::MAX || cd_size == u32::MAX || cd_offset == u32::MAX {
        return Err(ZipProblem::Zip64);
    }
    if disk != 0 || cd_disk != 0 || on_disk != total {
        return Err(ZipProblem::MultiDisk);
    }
    if usize::from(total) > MAX_ENTRIES {
        return Err(ZipProblem::TooManyEntries);
    }
    let cd_start = cd_offset as usize;
    let cd_end = cd_start
        .checked_add(cd_size as usize)
        .filter(|&end| end <= eocd)
        .ok_or(ZipProblem::Truncated)?;
    let mut out = Vec::with_capacity(usize::from(total));
    // Bytes each entry occupies (local header to end of data), to check
    // that none overlap.
    let mut spans: Vec<Range<usize>> = Vec::with_capacity(usize::from(total) + 1);
    spans.push(cd_start..cd_end);
    let mut names = std::collections::BTreeSet::new();
    let mut at = cd_start;
    for _ in 0..total {
        if at.checked_add(46).is_none_or(|end| end > cd_end) || u32_at(bytes, at) != Some(CENTRAL) {
            return Err(ZipProblem::Truncated);
        }
        let get16 = |offset: usize| u16_at(bytes, at + offset).ok_or(ZipProblem::Truncated);
        let get32 = |offset: usize| u32_at(bytes, at + offset).ok_or(ZipProblem::Truncated);
        let flags = get16(8)?;
        let method = get16(10)?;
        let compressed = get32(20)?;
        let uncompressed = get32(24)?;
        let name_len = usize::from(get16(28)?);
        let extra_len = usize::from(get16(30)?);
        let comment_len = usize::from(get16(32)?);
        let local = get32(42)?;
        let name_bytes = bytes
            .get(at + 46..at + 46 + name_len)
            .filter(|_| at + 46 + name_len <= cd_end)
            .ok_or(ZipProblem::Truncated)?;
        let name = std::str::from_utf8(name_bytes)
            .map_err(|_| ZipProblem::BadName(String::from_utf8_lossy(name_bytes).into_owned()))?
            .to_owned();
        if compressed == u32::MAX || uncompressed == u32::MAX || local == u32::MAX {
            return Err(ZipProblem::Zip64);
        }
        if !name_is_safe(&name) {
            return Err(ZipProblem::BadName(name));
        }
        if flags & 1 != 0 {
            return Err(ZipProblem::Encrypted(name));
        }
        at = at + 46 + name_len + extra_len + comment_len;
        if at > cd_end {
            return Err(ZipProblem::Truncated);
        }
        // Directories ("word/") carry nothing.
        if name.ends_with('/') {
            continue;
        }
        if method != STORED && method != DEFLATED {
            return Err(ZipProblem::Method { name, method });
        }
        let local = local as usize;
        if u32_at(bytes, local) != Some(LOCAL) {
            return Err(ZipProblem::Truncated);
        }
        let local_name = usize::from(u16_at(bytes, local + 26).ok_or(ZipProblem::Truncated)?);
        let local_extra = usize::from(u16_at(bytes, local + 28).ok_or(ZipProblem::Truncated)?);
        let start = local + 30 + local_name + local_extra;
        let end = start
            .checked_add(compressed as usize)
            .filter(|&end| end <= bytes.len())
            .ok_or(ZipProblem::Truncated)?;
        if method == STORED && compressed != uncompressed {
            return Err(ZipProblem::Truncated);
        }
        if !names.insert(name.clone()) {
            return Err(ZipProblem::Duplicate(name));
        }
        spans.push(local..end);
        out.push(ZipEntry {
            name,
            method,
            data: start..end,
            compressed_len: u64::from(compressed),
            uncompressed_len: u64::from(uncompressed),
        });
    }
    spans.sort_by_key(|span| span.start);
    if spans.windows(2).any(|pair| pair[0].end > pair[1].start) {
        return Err(ZipProblem::Overlapping);
    }
    Ok(out)
}

/// A stored entry's bytes (`None` for a deflated one or one out of range).
pub fn stored(bytes: &[u8], entry: &ZipEntry) -> Option<Vec<u8>> {
    (entry.method == STORED)
        .then(|| bytes.get(entry.data.clone()).map(<[u8]>::to_vec))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_leave_the_archive_are_not_safe() {
        for name in [
            "word/document.xml",
            "[Content_Types].xml",
            "word/media/image 1.png",
        ] {
            assert!(name_is_safe(name), "{name}");
        }
        for name in [
            "", "../a", "a/../b", "/a", "a\\b", "a/./b", "C:/a", "a\0b", "..",
        ] {
            assert!(!name_is_safe(name), "{name:?}");
        }
    }

    #[test]
    fn no_directory_is_found_in_short_or_foreign_bytes() {
        assert_eq!(entries(b""), Err(ZipProblem::NoDirectory));
        assert_eq!(entries(&[0; 21]), Err(ZipProblem::NoDirectory));
        // An end record whose comment runs past the end of the file.
        let mut bytes = vec![0u8; 22];
        bytes[..4].copy_from_slice(&EOCD.to_le_bytes());
        bytes[20] = 5;
        assert_eq!(entries(&bytes), Err(ZipProblem::NoDirectory));
        // An empty archive is fine: no entries.
        bytes[20] = 0;
        assert_eq!(entries(&bytes), Ok(Vec::new()));
    }

    #[test]
    fn a_directory_past_its_end_record_is_truncated() {
        let mut bytes = vec![0u8; 22];
        bytes[..4].copy_from_slice(&EOCD.to_le_bytes());
        bytes[8] = 1;
        bytes[10] = 1;
        bytes[12] = 46;
        assert_eq!(entries(&bytes), Err(ZipProblem::Truncated));
    }
}
