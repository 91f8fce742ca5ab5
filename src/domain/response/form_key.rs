//! The key of a checklist item on a feedback form (`事项编号`): it names the workspace's journal,
//! the warning episode or campaign run, the measure and the unit, so a form from another
//! workspace or from an older episode is recognised when it comes back.
//!
//! Written `AD-<journal>-<episode>:<measure>@<unit>` for a warning episode's item, e.g.
//! `AD-3fa2c91b04d7-1:O-DUST-1@zjj`, and `AD-<journal>-c<run>:<measure>@<unit>` for a campaign
//! run's, e.g. `AD-3fa2c91b04d7-c2:C-FW-1@zjj`: `<journal>` is the first 12 hex digits of the
//! hash of the journal's first event (each journal has its own), `<episode>` the episode number,
//! `<run>` the campaign run number. Keys written before campaigns (no `c`) read as before.

use super::checklist::ItemKey;
use super::event::EpisodeKind;

/// How many hex digits of the first event's hash name a journal on a form.
const JOURNAL_TAG_DIGITS: usize = 12;

/// A checklist item as a feedback form names it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FormKey {
    /// The journal's tag (see [`journal_tag`]).
    pub journal: String,
    /// Whether `episode` numbers a warning episode or a campaign run.
    pub of: EpisodeKind,
    /// Episode number, or campaign run number.
    pub episode: u32,
    /// The item.
    pub item: ItemKey,
}

/// The tag of the journal whose first event has hash `first_hash` (hex).
pub fn journal_tag(first_hash: &str) -> String {
    first_hash.chars().take(JOURNAL_TAG_DIGITS).collect()
}

impl std::fmt::Display for FormKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let run = if self.of.is_warning() { "" } else { "c" };
        write!(f, "AD-{}-{run}{}:{}", self.journal, self.episode, self.item)
    }
}

impl FormKey {
    /// Read a form's key; `None` when the text is not one.
    pub fn parse(text: &str) -> Option<FormKey> {
        let rest = text.trim().strip_prefix("AD-")?;
        let (journal, rest) = rest.split_once('-')?;
        let (episode, item) = rest.split_once(':')?;
        let (measure, unit) = item.rsplit_once('@')?;
        let (of, episode) = match episode.strip_prefix('c') {
            Some(run) => (EpisodeKind::Campaign, run),
            None => (EpisodeKind::Warning, episode),
        };
        let digits = !episode.is_empty() && episode.bytes().all(|b| b.is_ascii_digit());
        let hex =
            journal.len() == JOURNAL_TAG_DIGITS && journal.bytes().all(|b| b.is_ascii_hexdigit());
        if !hex || !digits || measure.is_empty() || unit.is_empty() {
            return None;
        }
        Some(FormKey {
            journal: journal.to_owned(),
            of,
            episode: episode.parse().ok()?,
            item: ItemKey::new(measure, unit),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_odd_text_is_refused() {
        let key = FormKey {
            journal: journal_tag("3fa2c91b04d7aa55"),
            of: EpisodeKind::Warning,
            episode: 2,
            item: ItemKey::new("O-ENT-某@厂", "town-hedong"),
        };
        let text = key.to_string();
        assert_eq!(text, "AD-3fa2c91b04d7-2:O-ENT-某@厂@town-hedong");
        assert_eq!(FormKey::parse(&text), Some(key));
        for bad in [
            "",
            "O-DUST-1@zjj",
            "AD-xyz-1:O@u",
            "AD-3fa2c91b04d7-x:O@u",
            "AD-3fa2c91b04d7-1:O",
            "AD-3fa2c91b04d7-c:O@u",
            "AD-3fa2c91b04d7-cc1:O@u",
            "AD-3fa2c91b04d7-+1:O@u",
            "AD-3fa2c91b04d7-c+1:O@u",
        ] {
            assert_eq!(FormKey::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn campaign_keys_round_trip_beside_warning_keys() {
        let run = FormKey {
            journal: journal_tag("3fa2c91b04d7aa55"),
            of: EpisodeKind::Campaign,
            episode: 3,
            item: ItemKey::new("C-FW-1", "zjj"),
        };
        let text = run.to_string();
        assert_eq!(text, "AD-3fa2c91b04d7-c3:C-FW-1@zjj");
        assert_eq!(FormKey::parse(&text), Some(run.clone()));
        // A key written before campaigns still names warning episode 3, not run 3.
        let old = FormKey::parse("AD-3fa2c91b04d7-3:C-FW-1@zjj");
        assert_eq!(
            old,
            Some(FormKey {
                of: EpisodeKind::Warning,
                ..run
            })
        );
    }
}
