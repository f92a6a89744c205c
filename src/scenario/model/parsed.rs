//! Strings parsed when the file is read (amounts, ranges, durations, formulas), keeping the problem for the validator, and their canonical form.

use super::*;

/// A string parsed when the file is read, keeping the problem (if any) for the validator.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed<T> {
    /// The string as written.
    pub raw: String,
    /// Its meaning, or what is wrong with it.
    pub value: Result<T, ParseProblem>,
}

/// A range such as `"8.00 g ± 0.05 g"`, `">= 20 s"`, `"7.35..7.45"`.
pub type RangeSpec = Parsed<units::Range>;
/// A duration such as `"20 s"`, kept in milliseconds.
pub type DurationSpec = Parsed<u64>;
/// An amount such as `"0.5 g"`.
pub type QuantitySpec = Parsed<units::Quantity>;
/// A formula such as `"a - 0.028 * (b - 25)"`.
pub type FormulaSpec = Parsed<formula::Expr<formula::Name>>;

/// What a kind of string parses into.
pub trait ParseSpec: Sized {
    /// Parses the string.
    fn parse_spec(s: &str) -> Result<Self, ParseProblem>;
    /// Writes the parsed value in canonical form (for the scenario hash).
    fn canonical(&self) -> serde_json::Value;
}

impl ParseSpec for units::Range {
    fn parse_spec(s: &str) -> Result<Self, ParseProblem> {
        units::parse_range(s)
    }
    fn canonical(&self) -> serde_json::Value {
        let bound = |b: Option<units::Bound>| {
            b.map(|b| serde_json::json!({"value": b.value, "inclusive": b.inclusive}))
        };
        serde_json::json!({
            "min": bound(self.min),
            "max": bound(self.max),
            "nominal": self.nominal,
            "unit": self.unit.symbol,
        })
    }
}

impl ParseSpec for u64 {
    fn parse_spec(s: &str) -> Result<Self, ParseProblem> {
        units::parse_duration(s)
    }
    fn canonical(&self) -> serde_json::Value {
        serde_json::json!({ "ms": self })
    }
}

impl ParseSpec for units::Quantity {
    fn parse_spec(s: &str) -> Result<Self, ParseProblem> {
        units::parse_quantity(s)
    }
    fn canonical(&self) -> serde_json::Value {
        serde_json::json!({"value": self.value, "unit": self.unit.symbol})
    }
}

impl ParseSpec for formula::Expr<formula::Name> {
    fn parse_spec(s: &str) -> Result<Self, ParseProblem> {
        formula::parse(s)
    }
    fn canonical(&self) -> serde_json::Value {
        serde_json::Value::String(self.write(&|n: &formula::Name, _| n.text.clone()))
    }
}

impl<T: ParseSpec> Parsed<T> {
    /// Parses `raw`.
    pub fn new(raw: &str) -> Self {
        Parsed {
            raw: raw.to_string(),
            value: T::parse_spec(raw),
        }
    }
}

impl<'de, T: ParseSpec> Deserialize<'de> for Parsed<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        Ok(Parsed::new(&raw))
    }
}

impl<T: ParseSpec> Serialize for Parsed<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.value {
            Ok(v) => v.canonical().serialize(s),
            Err(_) => self.raw.serialize(s),
        }
    }
}
