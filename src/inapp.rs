//! In-app browsers, told from the user agent: the pages Zalo, Facebook,
//! Messenger and Instagram open inside themselves, where a download link
//! does nothing. The shell then offers the file through the share sheet
//! and says how to open the page in a real browser.
//!
//! Only the markers the apps put in their user agents are read (each rule
//! is tested against user agents seen in the wild); a plain Android WebView
//! ("; wv)") is not taken for one, since apps that let downloads through
//! use it too.

/// An app whose built-in browser cannot download files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InAppBrowser {
    Zalo,
    Facebook,
    Messenger,
    Instagram,
}

impl InAppBrowser {
    /// The app's name, as its users know it.
    pub fn name(self) -> &'static str {
        match self {
            InAppBrowser::Zalo => "Zalo",
            InAppBrowser::Facebook => "Facebook",
            InAppBrowser::Messenger => "Messenger",
            InAppBrowser::Instagram => "Instagram",
        }
    }
}

/// The in-app browser `user_agent` belongs to, if any.
///
/// - Zalo: "Zalo iOS/…", "Zalo android/…", the older "Zalo/1.0", and
///   "ZaloTheme/" which every recent version adds. Not "Zalo-win32-…",
///   the desktop app's own requests (its links open the system browser).
/// - Messenger: "FBAN/MessengerForiOS", "FBAN/MessengerLiteForiOS",
///   "FB_IAB/MESSENGER", "FB_IAB/Orca-Android" (Messenger's Android name),
///   and "MetaIAB Messenger".
/// - Facebook: any other "FBAN/", "FBAV/", "FB_IAB/", "FBIOS", "FB4A", or
///   "MetaIAB" (the marker of 2025's iOS app, "MetaIAB Facebook").
/// - Instagram: " Instagram " followed by its version.
pub fn detect(user_agent: &str) -> Option<InAppBrowser> {
    let ua = user_agent;
    let lower = ua.to_ascii_lowercase();
    if lower.contains("zalo ios/")
        || lower.contains("zalo android/")
        || lower.contains("zalotheme/")
        || has_token(ua, "Zalo/")
    {
        return Some(InAppBrowser::Zalo);
    }
    let meta = ua.contains("FBAN/")
        || ua.contains("FBAV/")
        || ua.contains("FB_IAB/")
        || ua.contains("FBIOS")
        || ua.contains("FB4A")
        || ua.contains("MetaIAB");
    if meta {
        let messenger = ua.contains("FBAN/Messenger")
            || ua.contains("FB_IAB/MESSENGER")
            || ua.contains("FB_IAB/Orca-Android")
            || ua.contains("MetaIAB Messenger");
        if messenger {
            return Some(InAppBrowser::Messenger);
        }
        if ua.contains("Instagram") {
            return Some(InAppBrowser::Instagram);
        }
        return Some(InAppBrowser::Facebook);
    }
    if has_token(ua, "Instagram ") {
        return Some(InAppBrowser::Instagram);
    }
    None
}

/// True when `token` starts a word of `ua` (after a space, a bracket or a
/// semicolon, or at the start).
fn has_token(ua: &str, token: &str) -> bool {
    ua.match_indices(token).any(|(at, _)| {
        at == 0
            || ua[..at]
                .chars()
                .next_back()
                .is_some_and(|c| matches!(c, ' ' | '(' | '[' | ';'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // User agents as apps sent them (from public issue trackers and test
    // suites of user-agent parsers).
    const ZALO_IOS: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 16_0_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Zalo iOS/502 ZaloTheme/light ZaloLanguage/vn";
    const ZALO_IOS_2025: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Zalo iOS/25.07.01 ZaloTheme/light ZaloLanguage/vi";
    const ZALO_ANDROID: &str = "Mozilla/5.0 (Linux; Android 13; SM-A536E Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/125.0.6422.165 Mobile Safari/537.36 Zalo android/12100621 ZaloTheme/light ZaloLanguage/vi";
    const ZALO_ANDROID_OLD: &str = "Mozilla/5.0 (Linux; Android 4.4.2;LG-F320S) AppleWebKit/537.36 (KHTML, like Gecko) Zalo/1.0 Safari/537.36";
    const ZALO_DESKTOP: &str = "Zalo-win32-24v294";
    const FACEBOOK_IOS: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 10_3_2 like Mac OS X) AppleWebKit/603.2.4 (KHTML, like Gecko) Mobile/14F89 [FBAN/FBIOS;FBAV/96.0.0.45.70;FBBV/60548545;FBDV/iPhone8,1;FBMD/iPhone;FBSN/iOS;FBSV/10.3.2;FBSS/2;FBCR/o2-de;FBID/phone;FBLC/de_DE;FBOP/5;FBRV/0]";
    const FACEBOOK_IOS_NO_FBAV: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 13_3_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBDV/iPhone10,2;FBMD/iPhone;FBSN/iOS;FBSV/13.3.1;FBSS/3;FBID/phone;FBLC/en_US;FBOP/5;FBCR/]";
    const FACEBOOK_IOS_2025: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/22G100 Safari/604.1 MetaIAB Facebook";
    const FACEBOOK_ANDROID: &str = "Mozilla/5.0 (Linux; Android 7.0; SM-G930F Build/NRD90M; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/58.0.3029.83 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/127.0.0.22.69;]";
    const MESSENGER_IOS: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 10_2_1 like Mac OS X) AppleWebKit/602.4.6 (KHTML, like Gecko) Mobile/14D27 [FBAN/MessengerForiOS;FBAV/124.0.0.50.70;FBBV/63293619;FBDV/iPhone7,1;FBMD/iPhone;FBSN/iOS;FBSV/10.2.1;FBSS/3;FBCR/Viettel;FBID/phone;FBLC/vi_VN;FBOP/5;FBRV/0]";
    const MESSENGER_LITE_IOS: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 13_3_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 LightSpeed [FBAN/MessengerLiteForiOS;FBAV/259.0.0.37.118;FBBV/207629286;FBDV/iPhone9,4;FBMD/iPhone;FBSN/iOS;FBSV/13.3.1;FBSS/3;FBCR/;FBID/phone;FBLC/zh-Hant_GB;FBOP/0]";
    const MESSENGER_ANDROID: &str = "Mozilla/5.0 (Linux; Android 7.1.2; Nexus 5X Build/N2G47F; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/57.0.2987.132 Mobile Safari/537.36 [FB_IAB/MESSENGER;FBAV/114.0.0.21.71;]";
    const INSTAGRAM_IOS: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 12_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/16B92 Instagram 70.1.0.15.98 (iPhone10,2; iOS 12_1; en_US; en-US; scale=2.61; gamut=wide; 1080x1920; 130350235)";

    // Browsers that download files.
    const CHROME_WINDOWS_7: &str = "Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36";
    const COC_COC: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/117.0.184 Chrome/111.0.5563.184 Safari/537.36";
    const FIREFOX_ESR: &str =
        "Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Firefox/115.0";
    const SAFARI_IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1";
    const CHROME_ANDROID: &str = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36";
    const ANDROID_WEBVIEW: &str = "Mozilla/5.0 (Linux; Android 13; SM-A536E Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/125.0.6422.165 Mobile Safari/537.36";

    #[test]
    fn zalo_is_told_on_ios_and_android_old_and_new() {
        for ua in [ZALO_IOS, ZALO_IOS_2025, ZALO_ANDROID, ZALO_ANDROID_OLD] {
            assert_eq!(detect(ua), Some(InAppBrowser::Zalo), "{ua}");
        }
    }

    #[test]
    fn zalo_desktop_requests_are_not_a_browser() {
        assert_eq!(detect(ZALO_DESKTOP), None);
    }

    #[test]
    fn facebook_is_told_with_or_without_its_version_and_in_its_2025_form() {
        for ua in [
            FACEBOOK_IOS,
            FACEBOOK_IOS_NO_FBAV,
            FACEBOOK_IOS_2025,
            FACEBOOK_ANDROID,
        ] {
            assert_eq!(detect(ua), Some(InAppBrowser::Facebook), "{ua}");
        }
    }

    #[test]
    fn messenger_is_told_apart_from_facebook() {
        for ua in [MESSENGER_IOS, MESSENGER_LITE_IOS, MESSENGER_ANDROID] {
            assert_eq!(detect(ua), Some(InAppBrowser::Messenger), "{ua}");
        }
    }

    #[test]
    fn instagram_is_told() {
        assert_eq!(detect(INSTAGRAM_IOS), Some(InAppBrowser::Instagram));
    }

    #[test]
    fn real_browsers_and_a_plain_webview_are_not_in_app_browsers() {
        for ua in [
            CHROME_WINDOWS_7,
            COC_COC,
            FIREFOX_ESR,
            SAFARI_IPHONE,
            CHROME_ANDROID,
            ANDROID_WEBVIEW,
            "",
        ] {
            assert_eq!(detect(ua), None, "{ua}");
        }
    }

    #[test]
    fn a_word_merely_containing_zalo_is_not_zalo() {
        assert_eq!(detect("Mozilla/5.0 MyZalo/2.0"), None);
        assert_eq!(
            detect("Mozilla/5.0 (X11) Zalo/3.1"),
            Some(InAppBrowser::Zalo)
        );
    }
}
