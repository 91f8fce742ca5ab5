//! The translation table as pages see it: a re-export of the crate-level [`crate::i18n`], so
//! pages keep `use crate::ui::i18n::{T, Tr}` while report code (charts) uses the same table
//! without depending on the UI.

pub use crate::i18n::*;
