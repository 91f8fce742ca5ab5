//! Typed values in words: what the domain and the loaders return as data (reasons, refusals,
//! outcomes) is rendered here, in one place, through the translation table — never by the code
//! that decided it.

use super::Tr;

/// A value the interface shows in words, in the language of `tr`.
pub trait Render {
    /// The value in words.
    fn render(&self, tr: Tr) -> String;
}
