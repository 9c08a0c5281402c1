//! The rules of the offline copy, as plain values: which pages register
//! the service worker (never the one-file copy opened from disk), when the
//! "new version" banner shows, and what its button does. The page never
//! reloads by itself: a new version waits until the user asks for it, and
//! even then only once nothing unsaved would be lost.

/// Whether a page loaded with `protocol` (`location.protocol`, "https:")
/// registers the service worker. Only pages served over http(s) can; the
/// one-file copy opened from disk (`file:`) skips it without a word.
pub fn registers_worker(protocol: &str) -> bool {
    matches!(protocol, "http:" | "https:")
}

/// Where an update of the app stands in this tab.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Update {
    /// A new version is installed and waits for this tab to let it in.
    ready: bool,
    /// The user asked for the new version: the next change of worker
    /// reloads the page.
    asked: bool,
}

/// What the banner's button does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UpdateStep {
    /// Let the waiting version in; the page reloads once it controls it.
    Activate,
    /// Changes could not be saved: reloading would lose them, so the page
    /// stays and says so.
    KeepUnsavedWork,
}

impl Update {
    /// A worker finished installing. `controlled`: the page already had a
    /// worker, so this is a new version; the first visit's worker is not
    /// news to anyone.
    pub fn installed(self, controlled: bool) -> Update {
        Update {
            ready: self.ready || controlled,
            ..self
        }
    }

    /// Whether the banner "Có phiên bản mới" shows.
    pub fn banner(self) -> bool {
        self.ready && !self.asked
    }

    /// The user clicked the banner's button, after the store tried to save.
    /// `work_at_risk`: changes are still not in storage.
    pub fn clicked(self, work_at_risk: bool) -> (Update, UpdateStep) {
        if work_at_risk {
            (self, UpdateStep::KeepUnsavedWork)
        } else {
            (
                Update {
                    asked: true,
                    ..self
                },
                UpdateStep::Activate,
            )
        }
    }

    /// Another worker took control of the page (this tab's click, another
    /// tab's, or the first visit's worker claiming it): reload only when
    /// this tab's user asked.
    pub fn reloads_on_new_controller(self) -> bool {
        self.asked
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_pages_served_over_http_register_the_worker() {
        assert!(registers_worker("https:"));
        assert!(registers_worker("http:"));
        assert!(!registers_worker("file:"));
        assert!(!registers_worker("blob:"));
        assert!(!registers_worker(""));
    }

    #[test]
    fn the_first_visits_worker_shows_no_banner_and_reloads_nothing() {
        let update = Update::default().installed(false);
        assert!(!update.banner());
        // It claims the page: that change of controller is no reason to
        // reload under the user's typing.
        assert!(!update.reloads_on_new_controller());
    }

    #[test]
    fn a_new_version_waits_for_the_click_and_then_reloads() {
        let update = Update::default().installed(true);
        assert!(update.banner());
        assert!(!update.reloads_on_new_controller());
        let (update, step) = update.clicked(false);
        assert_eq!(step, UpdateStep::Activate);
        assert!(!update.banner());
        assert!(update.reloads_on_new_controller());
    }

    #[test]
    fn unsaved_changes_keep_the_page_and_the_banner() {
        let update = Update::default().installed(true);
        let (after, step) = update.clicked(true);
        assert_eq!(step, UpdateStep::KeepUnsavedWork);
        assert_eq!(after, update);
        assert!(after.banner());
        assert!(!after.reloads_on_new_controller());
    }

    #[test]
    fn another_tab_activating_the_new_version_does_not_reload_this_one() {
        // The new version was installed while this tab was open; another
        // tab's click makes it take control here too.
        let update = Update::default().installed(true);
        assert!(!update.reloads_on_new_controller());
        assert!(update.banner());
    }

    #[test]
    fn a_later_first_install_report_keeps_a_known_update() {
        let update = Update::default().installed(true).installed(false);
        assert!(update.banner());
    }
}
