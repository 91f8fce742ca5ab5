//! A [`Document`] as PDF in GB/T 9704-2012 layout, drawn with `krilla`, which embeds each font as
//! a subset of the glyphs used (with a ToUnicode map, so the text can be searched and copied).
//! Layout is ours ([`layout`]); fonts are found at write time ([`fonts`]) so every character the
//! document holds prints — or the writer refuses, naming the characters no font has.

pub mod fonts;
pub mod layout;

use std::path::PathBuf;

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Size, Transform};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{GlyphId, KrillaGlyph};

use self::fonts::FontBook;
use self::layout::{Op, Page, lay_out};
use super::standard::{self, PT_PER_MM, RED};
use super::{Block, Document, DocumentError, Image};

/// Stroke width of emboldened text, as a share of the font size.
const EMBOLDEN: f32 = 0.03;

/// The document as PDF bytes, fonts looked for in `font_dirs` first (then beside the program and
/// among the system's fonts).
pub fn write(doc: &Document, font_dirs: &[PathBuf]) -> Result<Vec<u8>, DocumentError> {
    write_with(doc, &mut FontBook::new(font_dirs))
}

/// The document as PDF bytes with the fonts of `book`.
pub fn write_with(doc: &Document, book: &mut FontBook) -> Result<Vec<u8>, DocumentError> {
    check_figures(doc)?;
    let pages = lay_out(doc, book);
    if !book.missing().is_empty() {
        return Err(DocumentError::MissingGlyphs {
            chars: book.missing().iter().collect(),
            hint: book.search_hint(),
        });
    }
    draw(doc, &pages, book)
}

/// .docx and PDF take PNG figures only.
fn check_figures(doc: &Document) -> Result<(), DocumentError> {
    for figure in doc
        .parts
        .iter()
        .flat_map(|p| &p.body)
        .filter_map(|b| match b {
            Block::Figure(f) => Some(f),
            _ => None,
        })
    {
        let reason = match &figure.image {
            Image::Svg(_) => Some("a PDF needs the chart as PNG, not SVG"),
            Image::Png(_) if figure.image.png_size().is_none() => Some("not a readable PNG image"),
            Image::Png(_) => None,
        };
        if let Some(reason) = reason {
            return Err(DocumentError::Figure {
                caption: figure.caption.clone(),
                reason: reason.to_owned(),
            });
        }
    }
    Ok(())
}

fn draw(doc: &Document, pages: &[Page], book: &mut FontBook) -> Result<Vec<u8>, DocumentError> {
    let mut pdf = krilla::Document::new();
    pdf.set_metadata(
        krilla::metadata::Metadata::new()
            .title(doc.title.clone())
            .creator("AirDesk".to_owned())
            .language("zh-CN".to_owned()),
    );
    let (w, h) = (
        standard::PAGE_MM.0 * PT_PER_MM,
        standard::PAGE_MM.1 * PT_PER_MM,
    );
    let size = PageSettings::from_wh(w, h).ok_or_else(|| DocumentError::Pdf("page size".into()))?;
    for page in pages {
        let mut p = pdf.start_page_with(size.clone());
        let mut surface = p.surface();
        for op in &page.ops {
            draw_op(&mut surface, op, book)?;
        }
        surface.finish();
        p.finish();
    }
    pdf.finish()
        .map_err(|e| DocumentError::Pdf(format!("{e:?}")))
}

fn colour(red: bool) -> rgb::Color {
    if red {
        rgb::Color::new(RED.0, RED.1, RED.2)
    } else {
        rgb::Color::black()
    }
}

fn draw_op(
    surface: &mut krilla::surface::Surface<'_>,
    op: &Op,
    book: &mut FontBook,
) -> Result<(), DocumentError> {
    match op {
        Op::Text {
            x,
            y,
            size,
            slot,
            glyphs,
            text,
            red,
            embolden,
            scale_x,
        } => {
            let font = book
                .pdf_font(*slot)
                .ok_or_else(|| DocumentError::Pdf("a font could not be read".into()))?;
            let placed: Vec<KrillaGlyph> = glyphs
                .iter()
                .map(|g| {
                    KrillaGlyph::new(
                        GlyphId::new(u32::from(g.glyph)),
                        g.advance / scale_x / size,
                        0.0,
                        0.0,
                        0.0,
                        g.range.clone(),
                        None,
                    )
                })
                .collect();
            surface.set_fill(Some(Fill {
                paint: colour(*red).into(),
                opacity: NormalizedF32::ONE,
                rule: Default::default(),
            }));
            surface.set_stroke(embolden.then(|| Stroke {
                paint: colour(*red).into(),
                width: size * EMBOLDEN,
                ..Stroke::default()
            }));
            let scaled = (*scale_x - 1.0).abs() > 1e-3;
            let start = if scaled {
                surface.push_transform(&Transform::from_row(*scale_x, 0.0, 0.0, 1.0, *x, *y));
                Point::from_xy(0.0, 0.0)
            } else {
                Point::from_xy(*x, *y)
            };
            surface.draw_glyphs(start, &placed, font, text, *size, false);
            if scaled {
                surface.pop();
            }
            surface.set_stroke(None);
        }
        Op::Rule {
            x1,
            x2,
            y,
            width,
            red,
        } => stroke_line(surface, (*x1, *y), (*x2, *y), *width, *red),
        Op::VLine { x, y1, y2 } => stroke_line(surface, (*x, *y1), (*x, *y2), 0.5, false),
        Op::Shade { x, y, w, h } => {
            let mut pb = PathBuilder::new();
            if let Some(rect) = krilla::geom::Rect::from_xywh(*x, *y, *w, *h) {
                pb.push_rect(rect);
            }
            if let Some(path) = pb.finish() {
                surface.set_stroke(None);
                surface.set_fill(Some(Fill {
                    paint: rgb::Color::new(0xF0, 0xF0, 0xF0).into(),
                    opacity: NormalizedF32::ONE,
                    rule: Default::default(),
                }));
                surface.draw_path(&path);
            }
        }
        Op::Image { x, y, w, h, png } => {
            let image = krilla::image::Image::from_png(png.clone().into(), true)
                .map_err(DocumentError::Pdf)?;
            let size =
                Size::from_wh(*w, *h).ok_or_else(|| DocumentError::Pdf("image size".into()))?;
            surface.push_transform(&Transform::from_translate(*x, *y));
            surface.draw_image(image, size);
            surface.pop();
        }
    }
    Ok(())
}

fn stroke_line(
    surface: &mut krilla::surface::Surface<'_>,
    from: (f32, f32),
    to: (f32, f32),
    width: f32,
    red: bool,
) {
    let mut pb = PathBuilder::new();
    pb.move_to(from.0, from.1);
    pb.line_to(to.0, to.1);
    if let Some(path) = pb.finish() {
        surface.set_fill(None);
        surface.set_stroke(Some(Stroke {
            paint: colour(red).into(),
            width,
            ..Stroke::default()
        }));
        surface.draw_path(&path);
        surface.set_stroke(None);
    }
}
