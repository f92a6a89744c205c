//! Units, quantities, ranges and durations written as short strings in scenarios.
//!
//! Instructors write `"8.00 g ± 0.05 g"`, `">= 20 s"`, `"100..120 /min"` or `"5 min"`; this module
//! parses those strings into numbers in a unit's base (grams, millilitres, seconds, …) so that
//! comparisons never depend on how a value was written. Parsing is pure and never panics.

use std::fmt;

/// A physical dimension: only values of the same dimension can be compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dimension {
    /// A plain number or count.
    Count,
    /// Mass (base: gram).
    Mass,
    /// Volume (base: millilitre).
    Volume,
    /// Time (base: second).
    Time,
    /// Length (base: millimetre).
    Length,
    /// Temperature (base: degree Celsius; no conversion to other scales).
    Temperature,
    /// Acidity, pH units (accepts unit-less ranges).
    Ph,
    /// Pressure (base: millibar).
    Pressure,
    /// Electrical conductivity (base: microsiemens per centimetre).
    Conductivity,
    /// Volume flow (base: millilitre per minute).
    Flow,
    /// Frequency or rate of events (base: per minute).
    Frequency,
    /// A fraction written in percent (base: percent).
    Percent,
    /// Molar concentration (base: millimolar).
    Molarity,
    /// Mass concentration (base: milligram per millilitre).
    MassConcentration,
    /// Cell density (base: cells per millilitre).
    CellDensity,
    /// Osmolality (base: milliosmole per kilogram).
    Osmolality,
    /// Angle (base: degree).
    Angle,
    /// Energy (base: joule).
    Energy,
    /// International units of a drug (base: IU).
    DrugUnits,
    /// Mass added per second of an action (base: gram per second).
    MassRate,
    /// Volume added per second of an action (base: millilitre per second).
    VolumeRate,
    /// Time added per second of an action (base: second per second).
    TimeRate,
    /// Molar mass of a substance (base: gram per mole), to convert a field's mg/dL and mmol/L.
    MolarMass,
    /// Equivalent concentration of an electrolyte (base: milliequivalent per litre); never
    /// converted (it would need the ion's charge).
    Equivalents,
    /// International units per volume (base: IU per millilitre); never converted.
    DrugUnitsPerVolume,
    /// Endotoxin units per volume (base: EU per millilitre).
    Endotoxin,
    /// Colony-forming units counted on a plate (base: CFU).
    Colonies,
    /// A needle or cannula gauge (a larger number is a thinner needle); never converted.
    Gauge,
}

impl Dimension {
    /// A short English name used in diagnostics.
    pub fn name(self) -> &'static str {
        match self {
            Dimension::Count => "a plain number",
            Dimension::Mass => "a mass",
            Dimension::Volume => "a volume",
            Dimension::Time => "a time",
            Dimension::Length => "a length",
            Dimension::Temperature => "a temperature",
            Dimension::Ph => "a pH",
            Dimension::Pressure => "a pressure",
            Dimension::Conductivity => "a conductivity",
            Dimension::Flow => "a flow",
            Dimension::Frequency => "a rate per time",
            Dimension::Percent => "a percentage",
            Dimension::Molarity => "a molar concentration",
            Dimension::MassConcentration => "a mass concentration",
            Dimension::CellDensity => "a cell density",
            Dimension::Osmolality => "an osmolality",
            Dimension::Angle => "an angle",
            Dimension::Energy => "an energy",
            Dimension::DrugUnits => "a number of drug units",
            Dimension::MassRate => "a mass per second",
            Dimension::VolumeRate => "a volume per second",
            Dimension::TimeRate => "a time per second",
            Dimension::MolarMass => "a molar mass",
            Dimension::Equivalents => "an equivalent concentration",
            Dimension::DrugUnitsPerVolume => "drug units per volume",
            Dimension::Endotoxin => "an endotoxin concentration",
            Dimension::Colonies => "a colony count",
            Dimension::Gauge => "a needle gauge",
        }
    }

    /// The dimension of "this dimension per second", for `Flow` effects.
    pub fn per_second(self) -> Option<Dimension> {
        match self {
            Dimension::Mass => Some(Dimension::MassRate),
            Dimension::Volume => Some(Dimension::VolumeRate),
            Dimension::Time => Some(Dimension::TimeRate),
            _ => None,
        }
    }
}

/// A unit: its symbol, dimension and factor to the dimension's base unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unit {
    /// The symbol as written, e.g. `mg`.
    pub symbol: &'static str,
    /// What it measures.
    pub dimension: Dimension,
    /// Multiply a value in this unit by `factor` to get the base unit.
    pub factor: f64,
}

const fn u(symbol: &'static str, dimension: Dimension, factor: f64) -> Unit {
    Unit {
        symbol,
        dimension,
        factor,
    }
}

/// Every unit a scenario may use. The first unit of each dimension is its base unit.
pub const UNITS: &[Unit] = &[
    u("", Dimension::Count, 1.0),
    u("g", Dimension::Mass, 1.0),
    u("mg", Dimension::Mass, 1e-3),
    u("µg", Dimension::Mass, 1e-6),
    u("ug", Dimension::Mass, 1e-6),
    u("mcg", Dimension::Mass, 1e-6),
    u("kg", Dimension::Mass, 1e3),
    u("mL", Dimension::Volume, 1.0),
    u("ml", Dimension::Volume, 1.0),
    u("µL", Dimension::Volume, 1e-3),
    u("uL", Dimension::Volume, 1e-3),
    u("L", Dimension::Volume, 1e3),
    u("s", Dimension::Time, 1.0),
    u("ms", Dimension::Time, 1e-3),
    u("min", Dimension::Time, 60.0),
    u("h", Dimension::Time, 3600.0),
    u("mm", Dimension::Length, 1.0),
    u("cm", Dimension::Length, 10.0),
    u("m", Dimension::Length, 1000.0),
    u("µm", Dimension::Length, 1e-3),
    u("um", Dimension::Length, 1e-3),
    u("nm", Dimension::Length, 1e-6),
    u("in", Dimension::Length, 25.4),
    u("°C", Dimension::Temperature, 1.0),
    u("degC", Dimension::Temperature, 1.0),
    u("pH", Dimension::Ph, 1.0),
    u("mbar", Dimension::Pressure, 1.0),
    u("bar", Dimension::Pressure, 1000.0),
    u("kPa", Dimension::Pressure, 10.0),
    u("psi", Dimension::Pressure, 68.947_572_93),
    // Blood pressure and airway pressure, as clinicians write them.
    u("mmHg", Dimension::Pressure, 1.333_223_874),
    u("cmH2O", Dimension::Pressure, 0.980_665),
    u("µS/cm", Dimension::Conductivity, 1.0),
    u("uS/cm", Dimension::Conductivity, 1.0),
    u("mS/cm", Dimension::Conductivity, 1000.0),
    u("mL/min", Dimension::Flow, 1.0),
    u("L/min", Dimension::Flow, 1000.0),
    u("mL/h", Dimension::Flow, 1.0 / 60.0),
    u("/min", Dimension::Frequency, 1.0),
    u("/s", Dimension::Frequency, 60.0),
    u("/h", Dimension::Frequency, 1.0 / 60.0),
    // A drip rate, as nurses count it.
    u("drops/min", Dimension::Frequency, 1.0),
    u("gtt/min", Dimension::Frequency, 1.0),
    // A heart rate and an agitation speed.
    u("bpm", Dimension::Frequency, 1.0),
    u("rpm", Dimension::Frequency, 1.0),
    u("%", Dimension::Percent, 1.0),
    u("mM", Dimension::Molarity, 1.0),
    u("M", Dimension::Molarity, 1000.0),
    // As laboratories and clinicians write them (a glucose meter reads mmol/L).
    u("mmol/L", Dimension::Molarity, 1.0),
    u("µmol/L", Dimension::Molarity, 1e-3),
    u("umol/L", Dimension::Molarity, 1e-3),
    u("µM", Dimension::Molarity, 1e-3),
    u("mol/L", Dimension::Molarity, 1000.0),
    u("mg/mL", Dimension::MassConcentration, 1.0),
    u("g/L", Dimension::MassConcentration, 1.0),
    u("µg/mL", Dimension::MassConcentration, 1e-3),
    u("mg/L", Dimension::MassConcentration, 1e-3),
    u("mg/dL", Dimension::MassConcentration, 0.01),
    u("g/dL", Dimension::MassConcentration, 10.0),
    u("cells/mL", Dimension::CellDensity, 1.0),
    u("mOsm/kg", Dimension::Osmolality, 1.0),
    u("deg", Dimension::Angle, 1.0),
    u("°", Dimension::Angle, 1.0),
    u("J", Dimension::Energy, 1.0),
    u("IU", Dimension::DrugUnits, 1.0),
    // French: unités internationales.
    u("UI", Dimension::DrugUnits, 1.0),
    u("g/s", Dimension::MassRate, 1.0),
    u("mg/s", Dimension::MassRate, 1e-3),
    u("mL/s", Dimension::VolumeRate, 1.0),
    u("µL/s", Dimension::VolumeRate, 1e-3),
    u("s/s", Dimension::TimeRate, 1.0),
    u("g/mol", Dimension::MolarMass, 1.0),
    u("mEq/L", Dimension::Equivalents, 1.0),
    u("IU/mL", Dimension::DrugUnitsPerVolume, 1.0),
    u("UI/mL", Dimension::DrugUnitsPerVolume, 1.0),
    u("IU/L", Dimension::DrugUnitsPerVolume, 1e-3),
    u("UI/L", Dimension::DrugUnitsPerVolume, 1e-3),
    u("EU/mL", Dimension::Endotoxin, 1.0),
    u("CFU", Dimension::Colonies, 1.0),
    u("G", Dimension::Gauge, 1.0),
];

/// Looks a unit up by its symbol.
pub fn unit(symbol: &str) -> Option<Unit> {
    UNITS.iter().copied().find(|u| u.symbol == symbol)
}

/// The symbols of every known unit, for "did you mean" help.
pub fn unit_symbols() -> impl Iterator<Item = &'static str> {
    UNITS.iter().map(|u| u.symbol).filter(|s| !s.is_empty())
}

/// A value in base units of `from`'s dimension, in base units of `to`'s: the same number when
/// the dimensions are the same; between a molar and a mass concentration (mmol/L and mg/dL of
/// glucose) only with the substance's molar mass in g/mol; otherwise none (IU never converts).
pub fn convert_base(value: f64, from: Unit, to: Unit, molar_mass: Option<f64>) -> Option<f64> {
    match (from.dimension, to.dimension, molar_mass) {
        (a, b, _) if a == b => Some(value),
        // mmol/L × g/mol = mg/L, and the base of a mass concentration is mg/mL.
        (Dimension::Molarity, Dimension::MassConcentration, Some(m)) => Some(value * m / 1000.0),
        (Dimension::MassConcentration, Dimension::Molarity, Some(m)) => Some(value * 1000.0 / m),
        _ => None,
    }
}

/// Whether `a` and `b` are a molar and a mass concentration: what a molar mass converts.
pub fn needs_molar_mass(a: Unit, b: Unit) -> bool {
    matches!(
        (a.dimension, b.dimension),
        (Dimension::Molarity, Dimension::MassConcentration)
            | (Dimension::MassConcentration, Dimension::Molarity)
    )
}

/// The help for an unknown unit: the closest known one, if any, and every known unit.
pub fn unknown_unit_help(symbol: &str) -> String {
    let known = unit_symbols().collect::<Vec<_>>().join(", ");
    match crate::scenario::suggest::closest(symbol, unit_symbols()) {
        Some(s) => format!("did you mean `{s}`? Known units: {known}"),
        None => format!("known units: {known}"),
    }
}

/// Whether values in `written` can be compared with a target measured in `target`.
///
/// A range written without a unit is accepted for plain numbers and pH.
pub fn compatible(written: Unit, target: Unit) -> bool {
    written.dimension == target.dimension
        || (written.dimension == Dimension::Count && target.dimension == Dimension::Ph)
}

/// A problem in a quantity, range or duration string, with the byte range inside the string.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseProblem {
    /// What is wrong, in plain words.
    pub message: String,
    /// Byte range inside the string (not counting the quotes).
    pub at: std::ops::Range<usize>,
    /// A concrete fix, where one is known.
    pub help: Option<String>,
}

/// A number with its unit, e.g. `0.5 g`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quantity {
    /// The value as written.
    pub value: f64,
    /// The unit it was written in.
    pub unit: Unit,
}

impl Quantity {
    /// The value in the unit's base unit.
    pub fn base(&self) -> f64 {
        self.value * self.unit.factor
    }
}

/// One end of a range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bound {
    /// The limit, in the range's unit.
    pub value: f64,
    /// Whether the limit itself is inside the range.
    pub inclusive: bool,
}

/// An accepted interval, e.g. `8.00 g ± 0.05 g`, `>= 20 s`, `100..120 /min`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    /// Lower limit, if any.
    pub min: Option<Bound>,
    /// Upper limit, if any.
    pub max: Option<Bound>,
    /// The target value for `a ± t` ranges.
    pub nominal: Option<f64>,
    /// The unit every number of the range is written in.
    pub unit: Unit,
}

impl Range {
    /// Whether `value`, given in `unit`'s base, lies in the range.
    pub fn contains_base(&self, value: f64) -> bool {
        let f = self.unit.factor;
        let lo_ok = self.min.is_none_or(|b| {
            let lim = b.value * f;
            if b.inclusive {
                value >= lim - tolerance_epsilon(lim)
            } else {
                value > lim
            }
        });
        let hi_ok = self.max.is_none_or(|b| {
            let lim = b.value * f;
            if b.inclusive {
                value <= lim + tolerance_epsilon(lim)
            } else {
                value < lim
            }
        });
        lo_ok && hi_ok
    }

    /// Whether no value at all can satisfy the range.
    pub fn is_empty(&self) -> bool {
        match (self.min, self.max) {
            (Some(lo), Some(hi)) => {
                lo.value > hi.value || (lo.value == hi.value && !(lo.inclusive && hi.inclusive))
            }
            _ => false,
        }
    }
}

/// Decimal values such as 8.05 are not exact in binary; a value written as the limit must pass.
fn tolerance_epsilon(limit: f64) -> f64 {
    limit.abs().max(1.0) * 1e-9
}

impl fmt::Display for Range {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = if self.unit.symbol.is_empty() {
            String::new()
        } else {
            format!(" {}", self.unit.symbol)
        };
        match (self.min, self.max, self.nominal) {
            (Some(lo), Some(hi), Some(n)) if lo.inclusive && hi.inclusive => {
                write!(f, "{}{unit} ± {}{unit}", num(n), num(hi.value - n))
            }
            (Some(lo), Some(hi), _) => {
                let l = if lo.inclusive { "" } else { "(excl.) " };
                let h = if hi.inclusive { "" } else { " (excl.)" };
                write!(f, "{l}{}..{}{h}{unit}", num(lo.value), num(hi.value))
            }
            (Some(lo), None, _) => {
                write!(
                    f,
                    "{} {}{unit}",
                    if lo.inclusive { ">=" } else { ">" },
                    num(lo.value)
                )
            }
            (None, Some(hi), _) => {
                write!(
                    f,
                    "{} {}{unit}",
                    if hi.inclusive { "<=" } else { "<" },
                    num(hi.value)
                )
            }
            (None, None, _) => write!(f, "any value"),
        }
    }
}

/// Formats a number without float noise (at most 6 decimals, trailing zeros removed).
/// A reading as an instrument shows it: as many decimals as its resolution has (0.01 → `7.40`).
pub fn reading(v: f64, resolution: f64) -> String {
    let mut decimals = 0usize;
    let mut r = resolution.abs();
    while decimals < 6 && r > 0.0 && (r - r.round()).abs() > 1e-9 {
        r *= 10.0;
        decimals += 1;
    }
    let s = format!("{v:.decimals$}");
    if s.trim_start_matches('-')
        .chars()
        .all(|c| c == '0' || c == '.')
    {
        s.trim_start_matches('-').to_string()
    } else {
        s
    }
}

/// A measured value as a person reads it: three significant figures at most (108 /min, 5 s,
/// 98.9 %), never more than two decimals.
pub fn short(v: f64) -> String {
    let decimals = if v.abs() >= 100.0 {
        0
    } else if v.abs() >= 10.0 {
        1
    } else {
        2
    };
    let s = format!("{v:.decimals$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        &s
    };
    if s == "-0" { "0".into() } else { s.into() }
}

/// The shortest text that reads back as `v`, in scientific notation for very large and very
/// small magnitudes (`1e308`, `5.56e-309`), for messages about extreme values.
pub fn exact(v: f64) -> String {
    let a = v.abs();
    if a != 0.0 && a.is_finite() && !(1e-4..1e9).contains(&a) {
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

/// A number with up to six decimals, trailing zeros dropped.
pub fn num(v: f64) -> String {
    let s = format!("{v:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

struct Lexer<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Lexer<'a> {
    fn skip_ws(&mut self) {
        while let Some(c) = self.s[self.pos..].chars().next() {
            if c.is_whitespace() {
                self.pos += c.len_utf8();
            } else {
                break;
            }
        }
    }

    fn rest(&self) -> &'a str {
        &self.s[self.pos..]
    }

    fn eat(&mut self, tok: &str) -> bool {
        self.skip_ws();
        if self.rest().starts_with(tok) {
            self.pos += tok.len();
            true
        } else {
            false
        }
    }

    fn number(&mut self) -> Result<(f64, std::ops::Range<usize>), ParseProblem> {
        self.skip_ws();
        let start = self.pos;
        let bytes = self.s.as_bytes();
        let mut end = start;
        if end < bytes.len() && (bytes[end] == b'-' || bytes[end] == b'+') {
            end += 1;
        }
        let digits_start = end;
        while end < bytes.len() && (bytes[end].is_ascii_digit() || bytes[end] == b'_') {
            end += 1;
        }
        // A decimal point followed by a digit; `..` is the range operator.
        if end + 1 < bytes.len() && bytes[end] == b'.' && bytes[end + 1].is_ascii_digit() {
            end += 1;
            while end < bytes.len() && bytes[end].is_ascii_digit() {
                end += 1;
            }
        }
        if end == digits_start {
            return Err(ParseProblem {
                message: "expected a number".into(),
                at: start..(start + self.rest().chars().next().map_or(0, char::len_utf8)),
                help: None,
            });
        }
        if end < bytes.len() && (bytes[end] == b'e' || bytes[end] == b'E') {
            let mut e = end + 1;
            if e < bytes.len() && (bytes[e] == b'-' || bytes[e] == b'+') {
                e += 1;
            }
            let exp_digits = e;
            while e < bytes.len() && bytes[e].is_ascii_digit() {
                e += 1;
            }
            if e > exp_digits {
                end = e;
            }
        }
        let text: String = self.s[start..end].chars().filter(|&c| c != '_').collect();
        let value: f64 = text.parse().map_err(|_| ParseProblem {
            message: format!("`{}` is not a number", &self.s[start..end]),
            at: start..end,
            help: None,
        })?;
        if !value.is_finite() {
            return Err(ParseProblem {
                message: "the number is too large".into(),
                at: start..end,
                help: None,
            });
        }
        self.pos = end;
        Ok((value, start..end))
    }

    /// Reads a unit symbol (possibly empty) up to whitespace or a range operator.
    fn unit(&mut self) -> Result<(Unit, std::ops::Range<usize>), ParseProblem> {
        self.skip_ws();
        let start = self.pos;
        let mut end = start;
        for (i, c) in self.rest().char_indices() {
            if c.is_whitespace() || c == '±' || self.rest()[i..].starts_with("..") || c == '+' {
                break;
            }
            end = start + i + c.len_utf8();
        }
        let symbol = &self.s[start..end];
        match unit(symbol) {
            Some(u) => {
                self.pos = end;
                Ok((u, start..end))
            }
            None => Err(ParseProblem {
                message: format!("unknown unit `{symbol}`"),
                at: start..end,
                help: Some(unknown_unit_help(symbol)),
            }),
        }
    }

    fn end(&mut self) -> Result<(), ParseProblem> {
        self.skip_ws();
        if self.pos < self.s.len() {
            return Err(ParseProblem {
                message: format!("unexpected `{}`", self.rest()),
                at: self.pos..self.s.len(),
                help: None,
            });
        }
        Ok(())
    }
}

/// Parses `"0.5 g"`, `"-0.028"`, `"30 s"`.
pub fn parse_quantity(s: &str) -> Result<Quantity, ParseProblem> {
    let mut lx = Lexer { s, pos: 0 };
    let (value, _) = lx.number()?;
    let (unit, _) = lx.unit()?;
    lx.end()?;
    Ok(Quantity { value, unit })
}

/// Parses a duration such as `"20 s"`, `"5 min"` or `"300 ms"` into milliseconds.
pub fn parse_duration(s: &str) -> Result<u64, ParseProblem> {
    let q = parse_quantity(s)?;
    if q.unit.dimension != Dimension::Time {
        return Err(ParseProblem {
            message: format!("`{s}` is not a duration"),
            at: 0..s.len(),
            help: Some("write a time such as `20 s`, `1.5 s`, `5 min` or `300 ms`".into()),
        });
    }
    let ms = q.base() * 1000.0;
    if ms < 0.0 {
        return Err(ParseProblem {
            message: "a duration cannot be negative".into(),
            at: 0..s.len(),
            help: None,
        });
    }
    if ms > 1e12 {
        return Err(ParseProblem {
            message: "the duration is too long".into(),
            at: 0..s.len(),
            help: None,
        });
    }
    Ok(ms.round() as u64)
}

/// Parses a range: `"8.00 g ± 0.05 g"`, `"7.40 +- 0.05"`, `"7.35..7.45"`, `">= 20 s"`, `"< 6 cm"`.
pub fn parse_range(s: &str) -> Result<Range, ParseProblem> {
    let mut lx = Lexer { s, pos: 0 };
    lx.skip_ws();
    for (op, is_min, inclusive) in [
        (">=", true, true),
        ("≥", true, true),
        ("<=", false, true),
        ("≤", false, true),
        (">", true, false),
        ("<", false, false),
    ] {
        if lx.eat(op) {
            let (value, _) = lx.number()?;
            let (unit, _) = lx.unit()?;
            lx.end()?;
            let bound = Some(Bound { value, inclusive });
            return Ok(if is_min {
                Range {
                    min: bound,
                    max: None,
                    nominal: None,
                    unit,
                }
            } else {
                Range {
                    min: None,
                    max: bound,
                    nominal: None,
                    unit,
                }
            });
        }
    }
    let (first, _) = lx.number()?;
    let (first_unit, first_unit_at) = lx.unit()?;
    if lx.eat("±") || lx.eat("+-") || lx.eat("+/-") {
        let (tol, tol_at) = lx.number()?;
        let (tol_unit, tol_unit_at) = lx.unit()?;
        lx.end()?;
        let unit = merge_units(s, first_unit, first_unit_at, tol_unit, tol_unit_at)?;
        if tol < 0.0 {
            return Err(ParseProblem {
                message: "the tolerance is negative, so no value can pass".into(),
                at: tol_at,
                help: Some(format!("write `{} ± {}`", num(first), num(-tol))),
            });
        }
        return Ok(Range {
            min: Some(Bound {
                value: first - tol,
                inclusive: true,
            }),
            max: Some(Bound {
                value: first + tol,
                inclusive: true,
            }),
            nominal: Some(first),
            unit,
        });
    }
    if lx.eat("..") {
        let (second, _) = lx.number()?;
        let (second_unit, second_unit_at) = lx.unit()?;
        lx.end()?;
        let unit = merge_units(s, first_unit, first_unit_at, second_unit, second_unit_at)?;
        return Ok(Range {
            min: Some(Bound {
                value: first,
                inclusive: true,
            }),
            max: Some(Bound {
                value: second,
                inclusive: true,
            }),
            nominal: None,
            unit,
        });
    }
    lx.end().map_err(|mut p| {
        p.help = Some(
            "write a range such as `8.00 g ± 0.05 g`, `7.35..7.45`, `>= 20 s` or `<= 10 s`".into(),
        );
        p
    })?;
    Ok(Range {
        min: Some(Bound {
            value: first,
            inclusive: true,
        }),
        max: Some(Bound {
            value: first,
            inclusive: true,
        }),
        nominal: Some(first),
        unit: first_unit,
    })
}

/// `8 ± 0.05 g` and `8 g ± 0.05 g` mean the same; `8 g ± 0.05 mL` does not.
fn merge_units(
    _s: &str,
    a: Unit,
    _a_at: std::ops::Range<usize>,
    b: Unit,
    b_at: std::ops::Range<usize>,
) -> Result<Unit, ParseProblem> {
    if a.symbol.is_empty() {
        return Ok(b);
    }
    if b.symbol.is_empty() || a.symbol == b.symbol {
        return Ok(a);
    }
    Err(ParseProblem {
        message: format!(
            "the two ends of the range are in different units (`{}` and `{}`)",
            a.symbol, b.symbol
        ),
        at: b_at,
        help: Some(format!("write both numbers in `{}`", a.symbol)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measured_values_have_three_significant_figures_at_most() {
        assert_eq!(short(108.125_33), "108");
        assert_eq!(short(98.895), "98.9");
        assert_eq!(short(5.003), "5");
        assert_eq!(short(0.456), "0.46");
    }

    #[test]
    fn readings_keep_the_resolution_of_their_display() {
        assert_eq!(reading(7.4, 0.01), "7.40");
        assert_eq!(reading(1000.0, 5.0), "1000");
        assert_eq!(reading(19.1, 0.1), "19.1");
        assert_eq!(reading(-0.0, 0.01), "0.00");
        assert_eq!(reading(6.06, 0.01), "6.06");
    }

    #[test]
    fn clinical_units_convert_within_their_kind_only() {
        let mmol = unit("mmol/L").unwrap();
        assert!(compatible(mmol, unit("mM").unwrap()));
        assert_eq!(unit("µmol/L").unwrap().factor * 1000.0, mmol.factor);
        // 100 mg/dL of glucose is 1 g/L; a mass concentration never becomes a molarity without
        // a molar mass.
        assert!(
            (unit("mg/dL").unwrap().factor * 100.0 - unit("g/L").unwrap().factor).abs() < 1e-12
        );
        assert!(!compatible(unit("mg/dL").unwrap(), mmol));
        assert!(compatible(
            unit("drops/min").unwrap(),
            unit("/min").unwrap()
        ));
    }

    #[test]
    fn tolerance_range() {
        let r = parse_range("8.00 g ± 0.05 g").unwrap();
        assert!(r.contains_base(8.05));
        assert!(r.contains_base(7.95));
        assert!(!r.contains_base(8.06));
        assert_eq!(r.to_string(), "8 g ± 0.05 g");
        let r = parse_range("7.40 +- 0.05").unwrap();
        assert!(r.contains_base(7.44));
        assert_eq!(r.unit.dimension, Dimension::Count);
    }

    #[test]
    fn open_ranges_and_conversion() {
        let r = parse_range(">= 20 s").unwrap();
        assert!(r.contains_base(20.0));
        assert!(!r.contains_base(19.9));
        let r = parse_range("<= 10 s").unwrap();
        assert!(r.contains_base(10.0));
        let r = parse_range("100..120 /min").unwrap();
        assert!(r.contains_base(110.0));
        let r = parse_range(">= 500 mg").unwrap();
        assert!(r.contains_base(0.5));
        assert!(!r.contains_base(0.4));
    }

    #[test]
    fn empty_ranges() {
        assert!(parse_range("7.45..7.35").unwrap().is_empty());
        assert!(!parse_range("7.35..7.45").unwrap().is_empty());
        assert!(parse_range("8 ± -0.1 g").is_err());
    }

    #[test]
    fn problems_point_inside_the_string() {
        let p = parse_range("8.00 gr ± 0.05 g").unwrap_err();
        assert_eq!(p.at, 5..7);
        let help = p.help.unwrap_or_default();
        assert!(
            help.starts_with("did you mean `g`? Known units: ") && help.contains("mg/dL"),
            "{help}"
        );
        let p = parse_range("8 g ± 0.05 mL").unwrap_err();
        assert!(p.message.contains("different units"));
        assert!(parse_range("").is_err());
        assert!(parse_range("±").is_err());
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("20 s").unwrap(), 20_000);
        assert_eq!(parse_duration("5 min").unwrap(), 300_000);
        assert_eq!(parse_duration("1.5 s").unwrap(), 1_500);
        assert!(parse_duration("5 g").is_err());
        assert!(parse_duration("-1 s").is_err());
    }
}
