//! Units, quantities, ranges and durations written as short strings in scenarios.
//!
//! Instructors write `"8.00 g ± 0.05 g"`, `">= 20 s"`, `"100..120 /min"` or `"5 min"`; this module
//! parses those strings into numbers in a unit's base (grams, millilitres, seconds, …) so that
//! comparisons never depend on how a value was written. Parsing is pure and never panics. The
//! units themselves — their dimensions, factors and the one conversion between kinds (a molar
//! mass) — are `table.rs`.

mod table;

use std::fmt;
pub use table::*;

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
