//! Reading one cell as a number, strictly: every cell that is not a plain decimal number is
//! either a declared missing marker or rejected with a reason. Nothing is silently read.

use super::reason::CellError;

/// What a cell turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Empty or a declared missing marker.
    Missing,
    /// A finite number.
    Value(f64),
    /// Not a number; the reason says why.
    Invalid(CellError),
}

/// How to read numbers of one file.
#[derive(Debug, Clone, Copy)]
pub struct NumberFormat<'a> {
    /// Cells (after trimming) that mean "missing" in this format: `NA`, `NaN`, `-9999`…
    pub missing: &'a [&'a str],
    /// Whether the decimal separator is a comma (`12,5`).
    pub decimal_comma: bool,
}

impl NumberFormat<'static> {
    /// Plain decimal point, only the empty cell is missing.
    pub const PLAIN: NumberFormat<'static> = NumberFormat {
        missing: &[],
        decimal_comma: false,
    };
}

impl NumberFormat<'_> {
    /// Read one cell.
    pub fn parse(&self, raw: &str) -> Cell {
        let s = raw.trim();
        if s.is_empty() || self.missing.contains(&s) {
            return Cell::Missing;
        }
        let (point, other) = if self.decimal_comma {
            (',', '.')
        } else {
            ('.', ',')
        };
        let body = s.strip_prefix(['-', '+']).unwrap_or(s);
        let body_e = match body.find(['e', 'E']) {
            Some(i) => &body[..i],
            None => body,
        };
        let text = || s.to_string();
        if body_e.is_empty() || !body.chars().any(|c| c.is_ascii_digit()) {
            return Cell::Invalid(CellError::NotANumber { text: text() });
        }
        let points = body_e.matches(point).count();
        if points > 1 {
            return Cell::Invalid(CellError::Separators {
                text: text(),
                count: points,
            });
        }
        if body_e.contains(other) {
            return Cell::Invalid(CellError::MixedSeparators { text: text() });
        }
        let bad = body
            .chars()
            .find(|c| !(c.is_ascii_digit() || *c == point || matches!(c, 'e' | 'E' | '-' | '+')));
        if let Some(found) = bad {
            return Cell::Invalid(CellError::UnexpectedCharacter {
                text: text(),
                found,
            });
        }
        let normalised;
        let number = if self.decimal_comma {
            normalised = s.replace(',', ".");
            normalised.as_str()
        } else {
            s
        };
        match number.parse::<f64>() {
            Ok(v) if v.is_finite() => Cell::Value(v),
            Ok(_) => Cell::Invalid(CellError::OutOfRange { text: text() }),
            Err(_) => Cell::Invalid(CellError::NotANumber { text: text() }),
        }
    }
}

/// Check a value against the physical range of its variable; `Err` names why it was rejected.
pub fn check_range(variable: crate::store::Variable, v: f64) -> Result<f32, CellError> {
    if v < 0.0 && variable.must_be_non_negative() {
        return Err(CellError::Negative { value: v, variable });
    }
    if variable == crate::store::Variable::RelativeHumidity && v > 100.5 {
        return Err(CellError::HumidityAbove100 { value: v });
    }
    let f = v as f32;
    if !f.is_finite() {
        return Err(CellError::OutOfRange {
            text: v.to_string(),
        });
    }
    Ok(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_everything_that_is_not_a_plain_number() {
        let f = NumberFormat {
            missing: &["NA"],
            decimal_comma: false,
        };
        assert_eq!(f.parse(" 12.5 "), Cell::Value(12.5));
        assert_eq!(f.parse("-3"), Cell::Value(-3.0));
        assert_eq!(f.parse("1e3"), Cell::Value(1000.0));
        assert_eq!(f.parse(""), Cell::Missing);
        assert_eq!(f.parse("NA"), Cell::Missing);
        for bad in [
            "—",
            "NaN",
            "inf",
            "-inf",
            "infinity",
            "1.029.666.667",
            "12,5",
            "abc",
            "-",
            ".",
            "1e999",
        ] {
            assert!(matches!(f.parse(bad), Cell::Invalid(_)), "{bad}");
        }
        let comma = NumberFormat {
            missing: &[],
            decimal_comma: true,
        };
        assert_eq!(comma.parse("12,5"), Cell::Value(12.5));
        assert!(matches!(comma.parse("1.234,5"), Cell::Invalid(_)));
        assert!(
            check_range(crate::store::Variable::Pm25, 5e55).is_err(),
            "beyond f32"
        );
    }
}
