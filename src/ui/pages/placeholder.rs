//! Pages whose issue has not landed yet (weather windows, response, targets, supervision) say
//! what they will hold, so nobody mistakes an empty page for a broken one.

use super::{Page, PageContext};
use crate::ui::i18n::T;
use crate::ui::widgets::coming_page;

/// Draw the "this page will hold …" card for `page`.
pub fn ui(ui: &mut egui::Ui, cx: &mut PageContext<'_>, page: Page, description: T) {
    let tr = cx.tr;
    coming_page(
        ui,
        &cx.look,
        tr.t(page.title()),
        tr.t(T::ComingTitle),
        tr.t(description),
        tr.t(T::NotYet),
    );
}
