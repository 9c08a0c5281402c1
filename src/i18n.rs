//! User-facing strings. Vietnamese is the default; English is available for
//! every message. Code names things in English; the words a person reads come
//! only from here, so a missing translation is a compile error, not a blank.

use serde::{Deserialize, Serialize};

/// The interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// The BCP 47 tag for the `lang` attribute of the page.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// Parses a stored preference; anything unknown falls back to Vietnamese.
    pub fn from_tag(tag: &str) -> Lang {
        match tag.trim() {
            "en" => Lang::En,
            _ => Lang::Vi,
        }
    }

    /// The other language, for the switch in the toolbar.
    pub fn other(self) -> Lang {
        match self {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        }
    }
}

/// Every message the interface shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    DocumentTitle,
    AppName,
    AppTagline,
    EmptyWorkspaceTitle,
    EmptyWorkspaceBody,
    SwitchLanguage,
    OfflineNotice,
}

/// Returns the text of `msg` in `lang`.
pub fn t(lang: Lang, msg: Msg) -> &'static str {
    use Msg::*;
    match (lang, msg) {
        (Lang::Vi, DocumentTitle) => "Báo cáo — soạn báo cáo tổng kết, sơ kết",
        (Lang::En, DocumentTitle) => "Báo cáo — structured report editor",
        (Lang::Vi, AppName) | (Lang::En, AppName) => "Báo cáo",
        (Lang::Vi, AppTagline) => "Soạn báo cáo tổng kết, sơ kết đúng thể thức",
        (Lang::En, AppTagline) => "Write official Vietnamese reports in the correct layout",
        (Lang::Vi, EmptyWorkspaceTitle) => "Chưa có bản thảo nào",
        (Lang::En, EmptyWorkspaceTitle) => "No drafts yet",
        (Lang::Vi, EmptyWorkspaceBody) => {
            "Chọn một mẫu báo cáo để bắt đầu. Mọi nội dung chỉ lưu trên máy này."
        }
        (Lang::En, EmptyWorkspaceBody) => {
            "Pick a report outline to begin. Everything stays on this computer."
        }
        (Lang::Vi, SwitchLanguage) => "English",
        (Lang::En, SwitchLanguage) => "Tiếng Việt",
        (Lang::Vi, OfflineNotice) => {
            "Không gửi dữ liệu ra ngoài: ứng dụng chạy hoàn toàn trên máy."
        }
        (Lang::En, OfflineNotice) => {
            "Nothing is sent anywhere: the app runs entirely on this computer."
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_language_tag_falls_back_to_vietnamese() {
        assert_eq!(Lang::from_tag("fr"), Lang::Vi);
        assert_eq!(Lang::from_tag(""), Lang::Vi);
        assert_eq!(Lang::from_tag("en"), Lang::En);
        assert_eq!(Lang::from_tag(Lang::En.tag()), Lang::En);
    }

    #[test]
    fn switching_twice_returns_to_the_start() {
        assert_eq!(Lang::Vi.other().other(), Lang::Vi);
    }

    #[test]
    fn the_default_interface_is_vietnamese() {
        assert_eq!(Lang::default(), Lang::Vi);
        assert_eq!(
            t(Lang::default(), Msg::EmptyWorkspaceTitle),
            "Chưa có bản thảo nào"
        );
    }
}
