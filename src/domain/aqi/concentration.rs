//! Exact concentrations, so that an IAQI on a breakpoint is never pushed over it by binary
//! floating point before the round-up (HJ 633 rounds every IAQI UP: 100.000001 would become 101).

use std::cmp::Ordering;

/// Largest concentration accepted, in the pollutant's unit. Far above anything real (the CNEMC
/// feed's extremes are PM2.5 ≈ 2,000 µg/m³, CO = 90 mg/m³); keeps all arithmetic inside `i128`.
const MAX_VALUE: f64 = 1.0e9;

/// A non-negative concentration held exactly as the fraction `num / den`, in the pollutant's
/// canonical unit (µg/m³; CO in mg/m³). Store values (`f32`) enter as whole thousandths; means
/// stay exact fractions; the standards' own rounding (GB/T 8170 for HJ 633, truncation for the
/// US AQI) is applied to this exact value.
#[derive(Debug, Clone, Copy)]
pub struct Concentration {
    num: i128,
    den: i128,
}

impl Concentration {
    /// A concentration from a decimal value, taken to the nearest thousandth (no source in use
    /// reports finer than 0.01). `None` for NaN, infinities, negative or absurdly large values.
    pub fn from_f64(value: f64) -> Option<Self> {
        if !value.is_finite() || !(0.0..=MAX_VALUE).contains(&value) {
            return None;
        }
        Self::from_thousandths((value * 1000.0).round() as i64)
    }

    /// A concentration from a store value (`f32`, NaN for missing). `0.6_f32` is 0.6000000238…
    /// in binary and becomes exactly 600 thousandths.
    pub fn from_f32(value: f32) -> Option<Self> {
        Self::from_f64(f64::from(value))
    }

    /// Exactly `thousandths / 1000`. `None` when negative.
    pub fn from_thousandths(thousandths: i64) -> Option<Self> {
        Self::ratio(i128::from(thousandths), 1000)
    }

    /// Exactly the whole number `value`. `None` when negative.
    pub fn whole(value: i64) -> Option<Self> {
        Self::ratio(i128::from(value), 1)
    }

    /// Exactly `num / den`, reduced. `None` when negative, when `den` is not positive, or when the
    /// value exceeds the accepted range.
    pub fn ratio(num: i128, den: i128) -> Option<Self> {
        if num < 0 || den <= 0 {
            return None;
        }
        if num / den > MAX_VALUE as i128 {
            return None;
        }
        let g = gcd(num, den);
        Some(Concentration {
            num: num / g,
            den: den / g,
        })
    }

    /// The exact arithmetic mean; `None` for no values (or, in theory, on overflow).
    pub fn mean(values: impl IntoIterator<Item = Concentration>) -> Option<Self> {
        // Store values are whole thousandths: sum those as integers, and fall back to fraction
        // addition only for other denominators (means of means).
        let mut thousandths: i128 = 0;
        let mut other = Concentration { num: 0, den: 1 };
        let mut n: i128 = 0;
        for v in values {
            if 1000 % v.den == 0 {
                thousandths = thousandths.checked_add(v.num * (1000 / v.den))?;
            } else {
                other = other.checked_add(v)?;
            }
            n += 1;
        }
        if n == 0 {
            return None;
        }
        let sum = other.checked_add(Self::reduced(thousandths, 1000))?;
        Self::ratio(sum.num, sum.den.checked_mul(n)?)
    }

    /// The value as a float, for display and charts only (never for an index).
    pub fn to_f64(self) -> f64 {
        self.num as f64 / self.den as f64
    }

    /// Numerator and denominator of the reduced fraction.
    pub fn parts(self) -> (i128, i128) {
        (self.num, self.den)
    }

    /// Rounded to a multiple of `1 / per_unit` by GB/T 8170 (round half to even: exactly half
    /// goes to the even neighbour, anything above half goes up). `per_unit` is 1 for whole
    /// µg/m³ and 10 for CO to 0.1 mg/m³.
    pub fn round_gb8170(self, per_unit: i128) -> Self {
        let scaled = self.num * per_unit;
        let floor = scaled / self.den;
        let rest = scaled % self.den;
        let up = match (2 * rest).cmp(&self.den) {
            Ordering::Greater => true,
            Ordering::Equal => floor % 2 == 1,
            Ordering::Less => false,
        };
        let k = if up { floor + 1 } else { floor };
        Self::reduced(k, per_unit)
    }

    /// Truncated to a multiple of `1 / per_unit` (the US AQI truncates PM2.5 to 0.1 µg/m³ and
    /// PM10 to 1 µg/m³ before indexing).
    pub fn truncate(self, per_unit: i128) -> Self {
        Self::reduced(self.num * per_unit / self.den, per_unit)
    }

    fn reduced(num: i128, den: i128) -> Self {
        let g = gcd(num, den);
        Concentration {
            num: num / g,
            den: den / g,
        }
    }

    fn checked_add(self, other: Concentration) -> Option<Self> {
        let g = gcd(self.den, other.den);
        let den = (self.den / g).checked_mul(other.den)?;
        let num = self
            .num
            .checked_mul(other.den / g)?
            .checked_add(other.num.checked_mul(self.den / g)?)?;
        Some(Self::reduced(num, den))
    }
}

impl PartialEq for Concentration {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Concentration {}

impl PartialOrd for Concentration {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Concentration {
    fn cmp(&self, other: &Self) -> Ordering {
        // Values are bounded (≤ 1e9) and denominators stay small (thousandths times hour and
        // station counts), so the cross products fit in i128; should they not, compare as floats
        // rather than overflow.
        match (
            self.num.checked_mul(other.den),
            other.num.checked_mul(self.den),
        ) {
            (Some(a), Some(b)) => a.cmp(&b),
            _ => self.to_f64().total_cmp(&other.to_f64()),
        }
    }
}

impl std::fmt::Display for Concentration {
    /// Shortest exact decimal when the value has at most three decimals, else three decimals.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for decimals in 0..=3u32 {
            let scale = 10i128.pow(decimals);
            if (self.num * scale) % self.den == 0 {
                return write!(f, "{:.*}", decimals as usize, self.to_f64());
            }
        }
        write!(f, "{:.3}", self.to_f64())
    }
}

impl serde::Serialize for Concentration {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.to_f64())
    }
}

fn gcd(a: i128, b: i128) -> i128 {
    let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
    // 64-bit division is many times faster than 128-bit; nearly all values fit.
    while b != 0 {
        if let (Ok(x), Ok(y)) = (u64::try_from(a), u64::try_from(b)) {
            let g = gcd_u64(x, y);
            return i128::from(g.max(1));
        }
        (a, b) = (b, a % b);
    }
    if a == 0 { 1 } else { a as i128 }
}

fn gcd_u64(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(v: f64) -> Concentration {
        Concentration::from_f64(v).expect("valid")
    }

    #[test]
    fn store_floats_become_exact_thousandths() {
        assert_eq!(
            Concentration::from_f32(0.6).map(|x| x.parts()),
            Some((3, 5))
        );
        assert_eq!(c(75.0).parts(), (75, 1));
        assert!(Concentration::from_f64(-1.0).is_none());
        assert!(Concentration::from_f64(f64::NAN).is_none());
        assert!(Concentration::from_f64(2.0e9).is_none());
    }

    #[test]
    fn mean_is_exact() {
        let m = Concentration::mean([c(1.0), c(2.0), c(2.0)]).expect("mean");
        assert_eq!(m.parts(), (5, 3));
        assert_eq!(Concentration::mean(Vec::new()), None);
    }

    #[test]
    fn gb8170_rounds_half_to_even() {
        let half = |n: i128, d: i128| Concentration::ratio(n, d).expect("valid");
        assert_eq!(half(151, 2).round_gb8170(1), c(76.0)); // 75.5 → 76 (odd 75 goes up)
        assert_eq!(half(153, 2).round_gb8170(1), c(76.0)); // 76.5 → 76 (even stays)
        assert_eq!(half(7651, 100).round_gb8170(1), c(77.0)); // above half goes up
        assert_eq!(half(7649, 100).round_gb8170(1), c(76.0));
        assert_eq!(half(125, 100).round_gb8170(10), c(1.2)); // CO 1.25 → 1.2
        assert_eq!(half(135, 100).round_gb8170(10), c(1.4)); // CO 1.35 → 1.4
    }

    #[test]
    fn truncation_is_exact_where_floats_are_not() {
        // 24 hours summing to 211.2 µg/m³ average exactly 8.8; in f64 the mean is 8.7999…,
        // which truncates to 8.7.
        let m = Concentration::ratio(2112, 240).expect("valid");
        assert_eq!(m.truncate(10), c(8.8));
        assert_eq!((211.2f64 / 24.0 * 10.0).trunc(), 87.0);
    }

    #[test]
    fn display_is_short() {
        assert_eq!(c(75.0).to_string(), "75");
        assert_eq!(c(1.5).to_string(), "1.5");
        assert_eq!(
            Concentration::ratio(1, 3).expect("valid").to_string(),
            "0.333"
        );
    }
}
