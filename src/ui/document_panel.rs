//! The "写出 .docx / PDF" action beside a document's preview, with the 公文 fields an officer may
//! change first: 文号, 主送, 抄送, 签发人, 印发机关, 印发日期, and 份号, 密级 and 紧急程度 (empty
//! unless set here). The fields start from the document as
//! the plan and the journal give it and are kept while the same document is shown; only the fields
//! the officer changed replace the document's own (a per-unit file keeps each unit's 主送). The
//! file is laid out and written on a worker thread through [`Command::Export`], never by the page.

use egui::RichText;

use crate::report::document::{Document, Format, Head, Marks, Overrides, Urgency};

use super::command::Command;
use super::i18n::T;
use super::jobs::ExportFile;
use super::pages::PageContext;

/// The editable fields, as text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Fields {
    doc_no: String,
    to: String,
    cc: String,
    signer: String,
    printer: String,
    printed: String,
    copy_no: String,
    secrecy: String,
    urgency: Option<Urgency>,
}

impl Fields {
    /// The fields of the document's first part.
    fn of(doc: &Document) -> Self {
        let Some(part) = doc.parts.first() else {
            return Fields::default();
        };
        let (doc_no, signer, marks) = match &part.head {
            Head::Red {
                doc_no,
                signer,
                marks,
                ..
            } => (doc_no.clone(), signer.clone(), marks.clone()),
            Head::Bulletin { number, .. } => (number.clone(), String::new(), Marks::default()),
            Head::None => (String::new(), String::new(), Marks::default()),
        };
        let record = part.record.clone().unwrap_or_default();
        Fields {
            doc_no,
            to: part.to_field().to_owned(),
            cc: part.cc_field().to_owned(),
            signer,
            printer: record.printer,
            printed: record.printed,
            copy_no: marks.copy_no,
            secrecy: marks.secrecy,
            urgency: marks.urgency,
        }
    }

    /// The fields that differ from `original`.
    fn changed(&self, original: &Fields) -> Overrides {
        let pick = |now: &str, was: &str| (now != was).then(|| now.to_owned());
        Overrides {
            doc_no: pick(&self.doc_no, &original.doc_no),
            to: pick(&self.to, &original.to),
            cc: pick(&self.cc, &original.cc),
            signer: pick(&self.signer, &original.signer),
            printer: pick(&self.printer, &original.printer),
            printed: pick(&self.printed, &original.printed),
            copy_no: pick(&self.copy_no, &original.copy_no),
            secrecy: pick(&self.secrecy, &original.secrecy),
            urgency: self.urgency.filter(|_| self.urgency != original.urgency),
        }
    }
}

/// View state of the action: the fields being edited and whether to open the written file.
#[derive(Debug, Default)]
pub struct DocumentPanel {
    /// The document the fields belong to (its title and fields as given).
    for_doc: Option<(String, Fields)>,
    fields: Fields,
    open_after: bool,
}

impl DocumentPanel {
    /// Draw the fields and the buttons for `doc`; nothing in projector mode.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>, doc: &Document) {
        if cx.presenting {
            return;
        }
        let tr = cx.tr;
        let given = Fields::of(doc);
        if self.for_doc.as_ref().map(|(t, f)| (t, f)) != Some((&doc.title, &given)) {
            self.fields = given.clone();
            self.for_doc = Some((doc.title.clone(), given.clone()));
        }
        let id = ui.make_persistent_id(("document_fields", &doc.title));
        egui::CollapsingHeader::new(RichText::new(tr.t(T::DocFields)).strong())
            .id_salt(id)
            .default_open(false)
            .show(ui, |ui| {
                egui::Grid::new(("document_grid", &doc.title))
                    .num_columns(2)
                    .spacing([8.0, 4.0])
                    .show(ui, |ui| {
                        let f = &mut self.fields;
                        for (key, value) in [
                            (T::DocNo, &mut f.doc_no),
                            (T::DocTo, &mut f.to),
                            (T::DocCc, &mut f.cc),
                            (T::DocSigner, &mut f.signer),
                            (T::DocPrinter, &mut f.printer),
                            (T::DocPrinted, &mut f.printed),
                            (T::DocCopyNo, &mut f.copy_no),
                            (T::DocSecrecy, &mut f.secrecy),
                        ] {
                            let label = ui.label(tr.t(key));
                            ui.add(egui::TextEdit::singleline(value).desired_width(420.0))
                                .labelled_by(label.id);
                            ui.end_row();
                        }
                        urgency_row(ui, tr, &mut f.urgency);
                    });
                if ui.button(tr.t(T::DocReset)).clicked() {
                    self.fields = given.clone();
                }
            });
        let writable = !cx.read_only();
        ui.horizontal_wrapped(|ui| {
            for (key, format) in [
                (T::DocWriteDocx, Format::Docx),
                (T::DocWritePdf, Format::Pdf),
            ] {
                let button = ui.add_enabled(writable, egui::Button::new(tr.t(key)));
                let button = if writable {
                    button
                } else {
                    button.on_disabled_hover_text(tr.t(T::DocReadOnly))
                };
                if button.clicked() {
                    let mut document = doc.clone();
                    self.fields.changed(&given).apply(&mut document);
                    cx.send(Command::Export(vec![ExportFile::document(
                        document,
                        format,
                        self.open_after,
                    )]));
                }
            }
            ui.checkbox(&mut self.open_after, tr.t(T::DocOpenAfter));
        });
    }
}

/// 紧急程度: none, 特急 or 加急.
fn urgency_row(ui: &mut egui::Ui, tr: crate::i18n::Tr, urgency: &mut Option<Urgency>) {
    let label = ui.label(tr.t(T::DocUrgency));
    let none = tr.t(T::DocUrgencyNone);
    let shown = urgency.map_or(none, Urgency::zh);
    egui::ComboBox::from_id_salt("document_urgency")
        .selected_text(shown)
        .show_ui(ui, |ui| {
            ui.selectable_value(urgency, None, none);
            for u in Urgency::ALL {
                ui.selectable_value(urgency, Some(u), u.zh());
            }
        })
        .response
        .labelled_by(label.id);
    ui.end_row();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::document::{Part, Record};

    fn doc() -> Document {
        let part = |to: &str| Part {
            head: Head::Red {
                mark: "某县指挥部办公室".into(),
                doc_no: "某县应急办〔2019〕3号".into(),
                signer: "县长".into(),
                marks: Marks::default(),
            },
            title: "关于落实措施的通知".into(),
            to: to.into(),
            record: Some(Record {
                lines: vec![("抄送".into(), "县政府办公室".into())],
                printer: "某县指挥部办公室".into(),
                printed: "2019年12月21日".into(),
            }),
            ..Part::default()
        };
        Document {
            title: "单位通知".into(),
            parts: vec![part("县教育体育局"), part("县卫生健康局")],
        }
    }

    #[test]
    fn only_changed_fields_replace_the_documents_own() {
        let d = doc();
        let given = Fields::of(&d);
        assert_eq!(given.to, "县教育体育局");
        assert_eq!(given.cc, "县政府办公室");
        let mut edited = given.clone();
        edited.doc_no = "某县应急办〔2019〕4号".into();
        edited.urgency = Some(Urgency::Extra);
        edited.copy_no = "12".into();
        let o = edited.changed(&given);
        assert_eq!(o.secrecy, None);
        assert_eq!(o.doc_no.as_deref(), Some("某县应急办〔2019〕4号"));
        assert_eq!(o.to, None, "each unit keeps its own 主送");
        let mut written = d.clone();
        o.apply(&mut written);
        assert_eq!(written.parts[1].to, "县卫生健康局");
        assert!(
            matches!(&written.parts[1].head, Head::Red { doc_no, .. } if doc_no.ends_with("4号"))
        );
        let Head::Red { marks, .. } = &written.parts[1].head else {
            panic!("a red head");
        };
        assert_eq!(
            marks
                .lines()
                .into_iter()
                .map(|(_, l)| l)
                .collect::<Vec<_>>(),
            ["000012", "特急"]
        );
    }
}
