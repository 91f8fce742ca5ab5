//! The four pollutants an emission-reduction list counts, and a value per pollutant.

use serde::Serialize;

/// A pollutant of the emission-reduction list (DOMAIN.md §2.3: SO2, NOx, PM, VOCs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Pollutant {
    /// Sulphur dioxide (二氧化硫).
    So2,
    /// Nitrogen oxides (氮氧化物).
    Nox,
    /// Particulate matter (颗粒物, 烟粉尘).
    Pm,
    /// Volatile organic compounds (挥发性有机物).
    Vocs,
}

impl Pollutant {
    /// The four, in the order lists write them.
    pub const ALL: [Pollutant; 4] = [
        Pollutant::So2,
        Pollutant::Nox,
        Pollutant::Pm,
        Pollutant::Vocs,
    ];

    /// Key in JSON and in `--base` (`so2`, `nox`, `pm`, `vocs`).
    pub fn code(self) -> &'static str {
        match self {
            Pollutant::So2 => "so2",
            Pollutant::Nox => "nox",
            Pollutant::Pm => "pm",
            Pollutant::Vocs => "vocs",
        }
    }

    /// The name as tables print it (SO₂ written plainly, the same in both languages).
    pub fn label(self) -> &'static str {
        match self {
            Pollutant::So2 => "SO2",
            Pollutant::Nox => "NOx",
            Pollutant::Pm => "PM",
            Pollutant::Vocs => "VOCs",
        }
    }

    /// The pollutant a `--base` key or plan key names.
    pub fn from_code(code: &str) -> Option<Pollutant> {
        let c = code.trim().to_ascii_lowercase();
        Pollutant::ALL.into_iter().find(|p| p.code() == c)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// One value for each pollutant; serialised as an object `{so2, nox, pm, vocs}`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PerPollutant<T>(pub [T; 4]);

impl<T: Copy> PerPollutant<T> {
    /// The same value for all four.
    pub fn splat(v: T) -> Self {
        PerPollutant([v; 4])
    }

    /// The value for `p`.
    pub fn get(&self, p: Pollutant) -> T {
        self.0[p.index()]
    }

    /// Set the value for `p`.
    pub fn set(&mut self, p: Pollutant, v: T) {
        self.0[p.index()] = v;
    }

    /// A value per pollutant computed from each.
    pub fn from_fn(f: impl FnMut(Pollutant) -> T) -> Self {
        PerPollutant(Pollutant::ALL.map(f))
    }
}

impl<T: Serialize> Serialize for PerPollutant<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(4))?;
        for (p, v) in Pollutant::ALL.iter().zip(&self.0) {
            map.serialize_entry(p.code(), v)?;
        }
        map.end()
    }
}

/// Emission amounts in kg/d, one per pollutant.
pub type Amounts = PerPollutant<f64>;

impl Amounts {
    /// Add `other` pollutant by pollutant.
    pub fn add(&mut self, other: &Amounts) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a += b;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_pollutant_serialises_as_an_object_in_list_order() {
        let mut a = Amounts::default();
        a.set(Pollutant::Nox, 2.5);
        a.add(&Amounts::splat(1.0));
        let json = serde_json::to_string(&a).expect("json");
        assert_eq!(json, r#"{"so2":1.0,"nox":3.5,"pm":1.0,"vocs":1.0}"#);
        assert_eq!(Pollutant::from_code(" VOCs"), Some(Pollutant::Vocs));
        assert_eq!(Pollutant::from_code("co"), None);
    }
}
