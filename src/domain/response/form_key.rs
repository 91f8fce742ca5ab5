//! The key of a checklist item on a feedback form (`事项编号`): it names the workspace's journal,
//! the episode, the measure and the unit, so a form from another workspace or from an older
//! episode is recognised when it comes back.
//!
//! Written `AD-<journal>-<episode>:<measure>@<unit>`, e.g. `AD-3fa2c91b04d7-1:O-DUST-1@zjj`:
//! `<journal>` is the first 12 hex digits of the hash of the journal's first event (each journal
//! has its own), `<episode>` the episode number.

use super::checklist::ItemKey;

/// How many hex digits of the first event's hash name a journal on a form.
const JOURNAL_TAG_DIGITS: usize = 12;

/// A checklist item as a feedback form names it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FormKey {
    /// The journal's tag (see [`journal_tag`]).
    pub journal: String,
    /// Episode number.
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
        write!(f, "AD-{}-{}:{}", self.journal, self.episode, self.item)
    }
}

impl FormKey {
    /// Read a form's key; `None` when the text is not one.
    pub fn parse(text: &str) -> Option<FormKey> {
        let rest = text.trim().strip_prefix("AD-")?;
        let (journal, rest) = rest.split_once('-')?;
        let (episode, item) = rest.split_once(':')?;
        let (measure, unit) = item.rsplit_once('@')?;
        let hex =
            journal.len() == JOURNAL_TAG_DIGITS && journal.bytes().all(|b| b.is_ascii_hexdigit());
        if !hex || measure.is_empty() || unit.is_empty() {
            return None;
        }
        Some(FormKey {
            journal: journal.to_owned(),
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
        ] {
            assert_eq!(FormKey::parse(bad), None, "{bad}");
        }
    }
}
