//! What the browser's own print (and "Save as PDF") does with the sheet,
//! told from the user agent. The print styles give every page its number
//! at the top from page 2 (`@page` margin boxes) and keep lines together
//! as Word does (`orphans`, `widows`, `break-after: avoid`); the preview's
//! page marks follow those rules. Firefox (Gecko) implements none of them:
//! its print has no page numbers and may break a page a line or a table
//! row away from the preview's mark. The app says so when Firefox prints,
//! and points to the DOCX, whose layout does not depend on the browser.

/// Whether the browser of `user_agent` prints without the page numbers and
/// the line keeping the preview shows. True for Firefox on computers and
/// Android (the Gecko engine, "Firefox/" with "Gecko/"); false for Firefox
/// on iPhone and iPad ("FxiOS", which is Safari's engine) and for every
/// Chromium and Safari browser.
pub fn print_differs_from_preview(user_agent: &str) -> bool {
    user_agent.contains("Gecko/")
        && user_agent.contains("Firefox/")
        && !user_agent.contains("FxiOS")
}

#[cfg(test)]
mod tests {
    use super::print_differs_from_preview;

    #[test]
    fn firefox_on_computers_and_android_prints_without_page_numbers() {
        for ua in [
            "Mozilla/5.0 (Windows NT 6.1; Win64; x64; rv:115.0) Gecko/20100101 Firefox/115.0",
            "Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0",
            "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0",
        ] {
            assert!(print_differs_from_preview(ua), "{ua}");
        }
    }

    #[test]
    fn chromium_safari_and_firefox_on_ios_print_as_the_preview_shows() {
        for ua in [
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/117.0.0 Chrome/111.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.0 Safari/605.1.15",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/120.0 Mobile/15E148 Safari/605.1.15",
            "",
        ] {
            assert!(!print_differs_from_preview(ua), "{ua}");
        }
    }
}
