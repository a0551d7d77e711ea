//! The office's approved electronic seal: an image file named in the profile
//! (`seal_image`), put into the HTML as a `data:` URI so the document stays
//! self-contained. Without one, nothing is drawn: the real seal is stamped there.

use std::path::Path;

use crate::strings::documents::seal_image_error;

/// A seal image larger than this is not a seal (a scan at 600 dpi of 42mm is well under).
const MAX_BYTES: usize = 2 * 1024 * 1024;

/// The image at `path` as a `data:` URI; an unreadable file or one that is not an image is
/// an error naming the setting and the file.
pub fn data_uri(path: &str) -> Result<String, String> {
    let path = path.trim();
    let bytes =
        std::fs::read(Path::new(path)).map_err(|e| seal_image_error(path, &e.to_string()))?;
    if bytes.len() > MAX_BYTES {
        return Err(seal_image_error(path, "> 2 MB"));
    }
    let mime = mime_of(&bytes).ok_or_else(|| seal_image_error(path, "PNG/JPEG/GIF/SVG/WebP?"))?;
    Ok(format!("data:{mime};base64,{}", base64(&bytes)))
}

/// The image type by its first bytes.
fn mime_of(b: &[u8]) -> Option<&'static str> {
    let head = String::from_utf8_lossy(&b[..b.len().min(512)]).to_ascii_lowercase();
    if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if b.starts_with(&[0xff, 0xd8, 0xff]) {
        Some("image/jpeg")
    } else if b.starts_with(b"GIF87a") || b.starts_with(b"GIF89a") {
        Some("image/gif")
    } else if b.len() > 12 && b.starts_with(b"RIFF") && &b[8..12] == b"WEBP" {
        Some("image/webp")
    } else if head.contains("<svg") {
        Some("image/svg+xml")
    } else {
        None
    }
}

/// Standard base64 with padding (RFC 4648 §4).
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ABC[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_is_the_standard_one() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn a_missing_or_foreign_file_names_the_setting() {
        let e = data_uri("/nonexistent/seal.png").unwrap_err();
        assert!(
            e.contains("seal_image") && e.contains("/nonexistent/seal.png"),
            "{e}"
        );
        let dir = tempfile::TempDir::new().unwrap();
        let txt = dir.path().join("seal.txt");
        std::fs::write(&txt, "not an image").unwrap();
        assert!(data_uri(&txt.to_string_lossy()).is_err());
        let png = dir.path().join("seal.png");
        std::fs::write(&png, b"\x89PNG\r\n\x1a\nrest").unwrap();
        assert!(
            data_uri(&png.to_string_lossy())
                .unwrap()
                .starts_with("data:image/png;base64,iVBORw0KGgpyZXN0")
        );
    }
}
