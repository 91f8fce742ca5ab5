//! Where the PDF's fonts come from, and which font prints each character.
//!
//! Fonts are looked for, in order, in the folders the caller names (the workspace's `fonts/`),
//! in `fonts/` beside the program, and among the system's fonts (`fontdb` knows each system's
//! font folders); for each [`Face`] the first family of [`Face::pdf_families`] found wins — the
//! office fonts themselves where the machine has them, else the free stand-ins. A character the
//! face's font lacks is taken from the other faces' fonts, then from the bundled UI font (a Noto
//! Sans CJK SC subset). A character no font has is collected, so the writer can refuse with the
//! characters named instead of printing empty boxes.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use skrifa::instance::{LocationRef, Size};
use skrifa::raw::TableProvider as _;
use skrifa::{FontRef, MetadataProvider as _};

use crate::report::charts::font::FONT_BYTES;
use crate::report::document::standard::Face;

/// The weight from which a face counts as bold (no synthetic emboldening needed).
const BOLD_WEIGHT: u16 = 600;

/// One font file face, loaded.
pub struct LoadedFont {
    /// The file's bytes (a collection keeps all its faces).
    pub data: Arc<Vec<u8>>,
    /// Face index in a collection.
    pub index: u32,
    /// The face's family name, for reports.
    pub family: String,
    /// Its weight (400 regular, 700 bold).
    pub weight: u16,
    /// The font for the PDF library, made on first use.
    pdf: Option<krilla::text::Font>,
}

/// Which font prints a character, with its glyph and advance.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Resolved {
    /// The font's slot in the book.
    pub slot: usize,
    /// The glyph.
    pub glyph: u16,
    /// Advance width in em.
    pub advance: f32,
    /// The font is lighter than asked for: draw it emboldened.
    pub embolden: bool,
}

/// The fonts a PDF can use, loaded on demand.
pub struct FontBook {
    db: fontdb::Database,
    fonts: Vec<LoadedFont>,
    by_id: HashMap<fontdb::ID, usize>,
    chains: HashMap<(Face, bool), Vec<usize>>,
    glyphs: HashMap<(usize, char), Option<(u16, f32)>>,
    /// Characters no font has, in order of first appearance.
    missing: Vec<char>,
    /// The folders looked in besides the system's, for messages.
    dirs: Vec<PathBuf>,
}

impl FontBook {
    /// The fonts in `dirs` (the caller's first), in `fonts/` beside the program and the system's.
    pub fn new(dirs: &[PathBuf]) -> Self {
        let mut db = fontdb::Database::new();
        let mut searched: Vec<PathBuf> = dirs.to_vec();
        if let Some(beside) = std::env::current_exe()
            .ok()
            .and_then(|p| p.parent().map(|d| d.join("fonts")))
        {
            searched.push(beside);
        }
        for dir in searched.iter().filter(|d| d.is_dir()) {
            db.load_fonts_dir(dir);
        }
        db.load_system_fonts();
        Self::with_database(db, searched)
    }

    /// Only the fonts in `dirs` and the bundled one (tests).
    pub fn only(dirs: &[PathBuf]) -> Self {
        let mut db = fontdb::Database::new();
        for dir in dirs {
            db.load_fonts_dir(dir);
        }
        Self::with_database(db, dirs.to_vec())
    }

    fn with_database(db: fontdb::Database, dirs: Vec<PathBuf>) -> Self {
        let bundled = LoadedFont {
            data: Arc::new(FONT_BYTES.to_vec()),
            index: 0,
            family: "AirDesk Sans (bundled)".to_owned(),
            weight: 400,
            pdf: None,
        };
        FontBook {
            db,
            fonts: vec![bundled],
            by_id: HashMap::new(),
            chains: HashMap::new(),
            glyphs: HashMap::new(),
            missing: Vec::new(),
            dirs,
        }
    }

    /// Where fonts are looked for, for a message.
    pub fn search_hint(&self) -> String {
        let mut places: Vec<String> = self.dirs.iter().map(|d| d.display().to_string()).collect();
        places.push("the system's font folders".to_owned());
        places.join(", ")
    }

    /// The characters no font could print so far.
    pub fn missing(&self) -> &[char] {
        &self.missing
    }

    /// The font in `slot`.
    pub fn font(&self, slot: usize) -> Option<&LoadedFont> {
        self.fonts.get(slot)
    }

    /// The PDF library's font for `slot`.
    pub fn pdf_font(&mut self, slot: usize) -> Option<krilla::text::Font> {
        let f = self.fonts.get_mut(slot)?;
        if f.pdf.is_none() {
            let data: Arc<dyn AsRef<[u8]> + Send + Sync> = f.data.clone();
            f.pdf = krilla::text::Font::new(data.into(), f.index);
        }
        f.pdf.clone()
    }

    /// The font that prints `ch` in `face` (bold or not): the face's own font, else another
    /// face's, else the bundled one; `None` (and the character noted) when none has it.
    pub fn resolve(&mut self, face: Face, bold: bool, ch: char) -> Option<Resolved> {
        let chain = self.chain(face, bold);
        for slot in chain {
            if let Some((glyph, advance)) = self.glyph(slot, ch) {
                let embolden = bold && self.fonts[slot].weight < BOLD_WEIGHT;
                return Some(Resolved {
                    slot,
                    glyph,
                    advance,
                    embolden,
                });
            }
        }
        if !ch.is_whitespace() && !ch.is_control() && !self.missing.contains(&ch) {
            self.missing.push(ch);
        }
        None
    }

    /// The family printing `face` (for reports and tests): the first font of its chain.
    pub fn family_of(&mut self, face: Face, bold: bool) -> String {
        let slot = self.chain(face, bold).first().copied().unwrap_or(0);
        self.fonts[slot].family.clone()
    }

    fn chain(&mut self, face: Face, bold: bool) -> Vec<usize> {
        if let Some(c) = self.chains.get(&(face, bold)) {
            return c.clone();
        }
        let mut chain: Vec<usize> = Vec::new();
        let own = self.find(face, bold || face.heavy());
        chain.extend(own);
        for other in Face::ALL.into_iter().filter(|f| *f != face) {
            if let Some(slot) = self.find(other, false)
                && !chain.contains(&slot)
            {
                chain.push(slot);
            }
        }
        chain.push(0);
        self.chains.insert((face, bold), chain.clone());
        chain
    }

    /// The slot of the first installed family for `face`, loading it on first use.
    fn find(&mut self, face: Face, bold: bool) -> Option<usize> {
        let weight = if bold {
            fontdb::Weight::BOLD
        } else {
            fontdb::Weight::NORMAL
        };
        for family in face.pdf_families() {
            let families = [fontdb::Family::Name(family)];
            let query = fontdb::Query {
                families: &families,
                weight,
                ..fontdb::Query::default()
            };
            let Some(id) = self.db.query(&query) else {
                continue;
            };
            if let Some(&slot) = self.by_id.get(&id) {
                return Some(slot);
            }
            if let Some(slot) = self.load(id, family) {
                return Some(slot);
            }
        }
        None
    }

    fn load(&mut self, id: fontdb::ID, family: &str) -> Option<usize> {
        let weight = self.db.face(id)?.weight.0;
        let (data, index) = self
            .db
            .with_face_data(id, |data, index| (data.to_vec(), index))?;
        // A file that does not parse is passed over.
        FontRef::from_index(&data, index).ok()?;
        self.fonts.push(LoadedFont {
            data: Arc::new(data),
            index,
            family: family.to_owned(),
            weight,
            pdf: None,
        });
        let slot = self.fonts.len() - 1;
        self.by_id.insert(id, slot);
        Some(slot)
    }

    /// Glyph and advance (em) of `ch` in the font of `slot`; `None` when it has no glyph.
    fn glyph(&mut self, slot: usize, ch: char) -> Option<(u16, f32)> {
        if let Some(g) = self.glyphs.get(&(slot, ch)) {
            return *g;
        }
        let f = &self.fonts[slot];
        let found = FontRef::from_index(&f.data, f.index).ok().and_then(|font| {
            let gid = font.charmap().map(ch)?;
            if gid.to_u32() == 0 {
                return None;
            }
            let upem = f32::from(font.head().ok()?.units_per_em());
            let advance = font
                .glyph_metrics(Size::unscaled(), LocationRef::default())
                .advance_width(gid)?;
            Some((u16::try_from(gid.to_u32()).ok()?, advance / upem))
        });
        self.glyphs.insert((slot, ch), found);
        found
    }
}
