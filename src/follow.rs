//! When the preview, the outline and the format check catch up with the
//! document: typing changes the field at once, and these views follow a
//! moment later, all the keys typed meanwhile in one update, in a task of
//! their own, never inside the key's frame. A newly opened draft, a print
//! and an export show the document as it is, at once.

/// How long after the first change not yet shown the views are brought up
/// to date: keys typed in this time are shown together.
pub const FOLLOW_MS: u32 = 100;

/// How long the update then waits at most for the browser to be idle, so
/// that it never takes a frame a key needs; `FOLLOW_MS` plus this is the
/// longest the preview lags behind the field (150 ms).
pub const IDLE_WAIT_MS: u32 = 50;

// The preview lags the field by at most 150 ms, and the wait holds several
// keys of fast typing (about 60 ms apart at 200 words a minute).
const _: () = assert!(FOLLOW_MS + IDLE_WAIT_MS <= 150 && FOLLOW_MS >= 60);

/// What the shell does after a change of the open document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Show it now: there was nothing shown, or another draft was.
    Now,
    /// Show it after `FOLLOW_MS` (then at idle, within `IDLE_WAIT_MS`).
    Later,
    /// An update is already on its way; it will show this change too.
    Waiting,
}

/// Whether the views show the open document, or an update is on its way.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Follow {
    waiting: bool,
}

impl Follow {
    /// The document changed. `shown_other` is true when the views show
    /// nothing or another draft than the one now open.
    pub fn changed(&mut self, shown_other: bool) -> Step {
        if shown_other {
            self.waiting = false;
            Step::Now
        } else if self.waiting {
            Step::Waiting
        } else {
            self.waiting = true;
            Step::Later
        }
    }

    /// The update's time came: true when it has something to show (it
    /// was not already shown by `flush`).
    pub fn due(&mut self) -> bool {
        std::mem::take(&mut self.waiting)
    }

    /// Before a print or an export, or when a draft opens: true when the
    /// views must be brought up to date now. A timer still on its way then
    /// finds nothing to do.
    pub fn flush(&mut self) -> bool {
        std::mem::take(&mut self.waiting)
    }

    /// True while the views show an older document than the open one.
    pub fn is_waiting(&self) -> bool {
        self.waiting
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_typed_before_the_update_are_shown_together() {
        let mut follow = Follow::default();
        assert_eq!(follow.changed(false), Step::Later);
        assert!(follow.is_waiting());
        for _ in 0..20 {
            assert_eq!(follow.changed(false), Step::Waiting);
        }
        assert!(follow.due());
        assert!(!follow.is_waiting());
        // The next key starts a new wait.
        assert_eq!(follow.changed(false), Step::Later);
    }

    #[test]
    fn a_new_draft_is_shown_at_once_and_cancels_the_wait() {
        let mut follow = Follow::default();
        assert_eq!(follow.changed(false), Step::Later);
        assert_eq!(follow.changed(true), Step::Now);
        assert!(!follow.is_waiting());
        assert!(
            !follow.due(),
            "the timer of the old draft finds nothing to show"
        );
    }

    #[test]
    fn a_print_flushes_and_the_timer_then_has_nothing_to_do() {
        let mut follow = Follow::default();
        assert!(!follow.flush(), "nothing waits: nothing to show");
        assert_eq!(follow.changed(false), Step::Later);
        assert!(follow.flush());
        assert!(!follow.due());
        assert_eq!(follow.changed(false), Step::Later);
    }
}
