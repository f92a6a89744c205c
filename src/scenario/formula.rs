//! Arithmetic formulas for derived quantities, e.g. `"ph-25 - 0.028 * (temperature - 25)"`.
//!
//! Names are quantity ids; `fact(id)` is 1 when a fact holds and 0 otherwise. Ids may contain `-`
//! and `.`, so subtraction needs spaces around the minus sign (`a - b`; `a-b` is one name).
//! Functions: `min`, `max`, `abs`, `clamp(x, lo, hi)`, `log10(x)`, `fact(id)`. Only `+ - * /`,
//! comparisons of the IEEE kind and `libm`'s pure-Rust `log10` (no platform maths library) are
//! used, so evaluation is bit-for-bit reproducible on every platform.

use super::units::ParseProblem;
use std::ops::Range;

/// A parsed formula whose names are not yet resolved.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr<N> {
    /// A literal number.
    Number(f64),
    /// The current value of a quantity.
    Quantity(N),
    /// 1 if the fact holds, else 0.
    Fact(N),
    /// `-x`.
    Negate(Box<Expr<N>>),
    /// `a op b`.
    Binary(BinaryOp, Box<Expr<N>>, Box<Expr<N>>),
    /// `min`, `max`, `abs`, `clamp`.
    Call(Function, Vec<Expr<N>>),
}

/// A name as written in the formula, with its byte range inside the formula string.
#[derive(Debug, Clone, PartialEq)]
pub struct Name {
    /// The id.
    pub text: String,
    /// Where it is written.
    pub at: Range<usize>,
}

/// The four arithmetic operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/` (division by zero gives 0, so a reading never becomes NaN)
    Div,
}

/// Built-in functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Function {
    /// Smallest argument.
    Min,
    /// Largest argument.
    Max,
    /// Absolute value.
    Abs,
    /// `clamp(x, lo, hi)`.
    Clamp,
    /// Decimal logarithm (of a positive number; 0 or less gives the smallest finite value, so
    /// a reading never becomes NaN or infinite): pH from a concentration ratio.
    Log10,
}

impl<N> Expr<N> {
    /// How many numbers, names, operations and calls the formula holds.
    pub fn size(&self) -> usize {
        1 + match self {
            Expr::Number(_) | Expr::Quantity(_) | Expr::Fact(_) => 0,
            Expr::Negate(e) => e.size(),
            Expr::Binary(_, a, b) => a.size() + b.size(),
            Expr::Call(_, args) => args.iter().map(Expr::size).sum(),
        }
    }

    /// Every name the formula uses, in order of appearance.
    pub fn names(&self) -> Vec<(&N, bool)> {
        let mut out = Vec::new();
        self.collect(&mut out);
        out
    }

    fn collect<'a>(&'a self, out: &mut Vec<(&'a N, bool)>) {
        match self {
            Expr::Number(_) => {}
            Expr::Quantity(n) => out.push((n, false)),
            Expr::Fact(n) => out.push((n, true)),
            Expr::Negate(e) => e.collect(out),
            Expr::Binary(_, a, b) => {
                a.collect(out);
                b.collect(out);
            }
            Expr::Call(_, args) => args.iter().for_each(|a| a.collect(out)),
        }
    }

    /// Replaces names by what `resolve` returns (e.g. indices); stops at the first failure.
    pub fn resolve<M, E>(
        &self,
        resolve: &mut impl FnMut(&N, bool) -> Result<M, E>,
    ) -> Result<Expr<M>, E> {
        Ok(match self {
            Expr::Number(v) => Expr::Number(*v),
            Expr::Quantity(n) => Expr::Quantity(resolve(n, false)?),
            Expr::Fact(n) => Expr::Fact(resolve(n, true)?),
            Expr::Negate(e) => Expr::Negate(Box::new(e.resolve(resolve)?)),
            Expr::Binary(op, a, b) => Expr::Binary(
                *op,
                Box::new(a.resolve(resolve)?),
                Box::new(b.resolve(resolve)?),
            ),
            Expr::Call(f, args) => Expr::Call(
                *f,
                args.iter()
                    .map(|a| a.resolve(resolve))
                    .collect::<Result<_, _>>()?,
            ),
        })
    }

    /// The formula written back fully bracketed (`((a * b) + 1.0)`), each quantity and fact
    /// named by `name` (given whether it is a fact): the scenario's canonical form, which its
    /// hash covers, and what messages quote.
    pub fn write(&self, name: &dyn Fn(&N, bool) -> String) -> String {
        match self {
            Expr::Number(v) => format!("{v:?}"),
            Expr::Quantity(n) => name(n, false),
            Expr::Fact(n) => format!("fact({})", name(n, true)),
            Expr::Negate(e) => format!("(-{})", e.write(name)),
            Expr::Binary(op, a, b) => {
                let op = match op {
                    BinaryOp::Add => "+",
                    BinaryOp::Sub => "-",
                    BinaryOp::Mul => "*",
                    BinaryOp::Div => "/",
                };
                format!("({} {op} {})", a.write(name), b.write(name))
            }
            Expr::Call(f, args) => {
                let f = match f {
                    Function::Min => "min",
                    Function::Max => "max",
                    Function::Abs => "abs",
                    Function::Log10 => "log10",
                    Function::Clamp => "clamp",
                };
                let args: Vec<String> = args.iter().map(|a| a.write(name)).collect();
                format!("{f}({})", args.join(", "))
            }
        }
    }

    /// Evaluates with the given lookups.
    pub fn eval(&self, quantity: &impl Fn(&N) -> f64, fact: &impl Fn(&N) -> bool) -> f64 {
        match self {
            Expr::Number(v) => *v,
            Expr::Quantity(n) => quantity(n),
            Expr::Fact(n) => {
                if fact(n) {
                    1.0
                } else {
                    0.0
                }
            }
            Expr::Negate(e) => -e.eval(quantity, fact),
            Expr::Binary(op, a, b) => {
                let (a, b) = (a.eval(quantity, fact), b.eval(quantity, fact));
                match op {
                    BinaryOp::Add => a + b,
                    BinaryOp::Sub => a - b,
                    BinaryOp::Mul => a * b,
                    BinaryOp::Div => {
                        if b == 0.0 {
                            0.0
                        } else {
                            a / b
                        }
                    }
                }
            }
            Expr::Call(f, args) => {
                let v: Vec<f64> = args.iter().map(|a| a.eval(quantity, fact)).collect();
                match f {
                    Function::Min => v.iter().copied().fold(f64::INFINITY, f64::min),
                    Function::Max => v.iter().copied().fold(f64::NEG_INFINITY, f64::max),
                    Function::Abs => v[0].abs(),
                    Function::Clamp => v[0].max(v[1]).min(v[2]),
                    Function::Log10 => {
                        if v[0] > 0.0 {
                            libm::log10(v[0])
                        } else {
                            // log10 of the smallest positive f64.
                            -323.3
                        }
                    }
                }
            }
        }
    }
}

/// The most numbers, names, operations and calls one formula may hold. Each is a node of the
/// formula's tree, which is walked recursively when it is checked and evaluated: a bound on
/// its size bounds that recursion (a chain of 50,000 terms would overflow the stack).
pub const MAX_NODES: usize = 1000;
/// How deeply brackets, calls and signs may nest.
pub const MAX_NESTING: u32 = 64;

/// Parses a formula.
pub fn parse(s: &str) -> Result<Expr<Name>, ParseProblem> {
    let mut p = Parser {
        s,
        pos: 0,
        depth: 0,
        nodes: 0,
    };
    let e = p.expr()?;
    p.skip_ws();
    if p.pos < s.len() {
        return Err(p.problem("unexpected text after the formula", p.pos..s.len()));
    }
    Ok(e)
}

struct Parser<'a> {
    s: &'a str,
    pos: usize,
    depth: u32,
    nodes: usize,
}

impl Parser<'_> {
    fn problem(&self, message: &str, at: Range<usize>) -> ParseProblem {
        ParseProblem {
            message: message.into(),
            at,
            help: None,
        }
    }

    /// Counts one more node of the tree, refusing a formula that grows past [`MAX_NODES`].
    fn node(&mut self, start: usize) -> Result<(), ParseProblem> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return Err(ParseProblem {
                message: format!(
                    "the formula is too long: more than {MAX_NODES} numbers, names and operations"
                ),
                at: start..self.s.len(),
                help: Some(
                    "split it into quantities of their own, each with a shorter formula".into(),
                ),
            });
        }
        Ok(())
    }

    fn nested(&mut self) -> Result<(), ParseProblem> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(self.problem("the formula is nested too deeply", self.pos..self.pos));
        }
        Ok(())
    }

    fn skip_ws(&mut self) {
        while self.pos < self.s.len() && self.s.as_bytes()[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_ws();
        self.s.as_bytes().get(self.pos).copied()
    }

    fn expr(&mut self) -> Result<Expr<Name>, ParseProblem> {
        self.nested()?;
        let mut left = self.term()?;
        while let Some(c @ (b'+' | b'-')) = self.peek() {
            self.node(self.pos)?;
            self.pos += 1;
            let right = self.term()?;
            let op = if c == b'+' {
                BinaryOp::Add
            } else {
                BinaryOp::Sub
            };
            left = Expr::Binary(op, Box::new(left), Box::new(right));
        }
        self.depth -= 1;
        Ok(left)
    }

    fn term(&mut self) -> Result<Expr<Name>, ParseProblem> {
        let mut left = self.unary()?;
        while let Some(c @ (b'*' | b'/')) = self.peek() {
            self.node(self.pos)?;
            self.pos += 1;
            let right = self.unary()?;
            let op = if c == b'*' {
                BinaryOp::Mul
            } else {
                BinaryOp::Div
            };
            left = Expr::Binary(op, Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Expr<Name>, ParseProblem> {
        if self.peek() == Some(b'-') {
            self.node(self.pos)?;
            self.pos += 1;
            self.nested()?;
            let e = self.unary()?;
            self.depth -= 1;
            return Ok(Expr::Negate(Box::new(e)));
        }
        self.atom()
    }

    fn atom(&mut self) -> Result<Expr<Name>, ParseProblem> {
        if self.peek().is_some() {
            self.node(self.pos)?;
        }
        match self.peek() {
            None => Err(self.problem("the formula ends too early", self.s.len()..self.s.len())),
            Some(b'(') => {
                self.pos += 1;
                let e = self.expr()?;
                if self.peek() != Some(b')') {
                    return Err(self.problem("expected `)`", self.pos..self.pos));
                }
                self.pos += 1;
                Ok(e)
            }
            Some(c) if c.is_ascii_digit() || c == b'.' => self.number(),
            Some(c) if c.is_ascii_alphabetic() || c == b'_' || c == b'#' => {
                let name = self.name();
                if self.peek() == Some(b'(') {
                    self.pos += 1;
                    return self.call(name);
                }
                Ok(Expr::Quantity(name))
            }
            Some(_) => {
                let len = self.s[self.pos..].chars().next().map_or(1, char::len_utf8);
                Err(self.problem(
                    &format!("unexpected `{}`", &self.s[self.pos..self.pos + len]),
                    self.pos..self.pos + len,
                ))
            }
        }
    }

    fn number(&mut self) -> Result<Expr<Name>, ParseProblem> {
        let b = self.s.as_bytes();
        let start = self.pos;
        let mut end = start;
        while end < b.len() && (b[end].is_ascii_digit() || b[end] == b'.') {
            end += 1;
        }
        if end < b.len() && (b[end] == b'e' || b[end] == b'E') {
            let mut e = end + 1;
            if e < b.len() && (b[e] == b'-' || b[e] == b'+') {
                e += 1;
            }
            if e < b.len() && b[e].is_ascii_digit() {
                while e < b.len() && b[e].is_ascii_digit() {
                    e += 1;
                }
                end = e;
            }
        }
        let v: f64 = self.s[start..end]
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite())
            .ok_or_else(|| self.problem("not a finite number", start..end))?;
        self.pos = end;
        Ok(Expr::Number(v))
    }

    fn name(&mut self) -> Name {
        let b = self.s.as_bytes();
        let start = self.pos;
        let mut end = start + 1;
        while end < b.len() {
            let c = b[end];
            let joiner =
                (c == b'-' || c == b'.') && end + 1 < b.len() && b[end + 1].is_ascii_alphanumeric();
            if c.is_ascii_alphanumeric() || c == b'_' || joiner {
                end += 1;
            } else {
                break;
            }
        }
        self.pos = end;
        Name {
            text: self.s[start..end].to_string(),
            at: start..end,
        }
    }

    fn call(&mut self, name: Name) -> Result<Expr<Name>, ParseProblem> {
        if name.text == "fact" {
            self.skip_ws();
            let fact = self.name();
            if fact.text.is_empty() {
                return Err(self.problem("`fact` takes a fact id", self.pos..self.pos));
            }
            if self.peek() != Some(b')') {
                return Err(self.problem("expected `)` after the fact id", self.pos..self.pos));
            }
            self.pos += 1;
            return Ok(Expr::Fact(fact));
        }
        let (function, arity) = match name.text.as_str() {
            "min" => (Function::Min, None),
            "max" => (Function::Max, None),
            "abs" => (Function::Abs, Some(1)),
            "clamp" => (Function::Clamp, Some(3)),
            "log10" => (Function::Log10, Some(1)),
            _ => {
                return Err(ParseProblem {
                    message: format!("unknown function `{}`", name.text),
                    at: name.at,
                    help: Some("functions are min, max, abs, clamp, log10 and fact".into()),
                });
            }
        };
        let mut args = Vec::new();
        if self.peek() != Some(b')') {
            loop {
                args.push(self.expr()?);
                match self.peek() {
                    Some(b',') => self.pos += 1,
                    Some(b')') => break,
                    _ => return Err(self.problem("expected `,` or `)`", self.pos..self.pos)),
                }
            }
        }
        self.pos += 1;
        let ok = match arity {
            Some(n) => args.len() == n,
            None => !args.is_empty(),
        };
        if !ok {
            return Err(ParseProblem {
                message: format!("`{}` takes {} argument(s)", name.text, arity.unwrap_or(1)),
                at: name.at,
                help: None,
            });
        }
        Ok(Expr::Call(function, args))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eval(s: &str, vars: &[(&str, f64)]) -> f64 {
        let e = parse(s).unwrap();
        e.eval(
            &|n: &Name| {
                vars.iter()
                    .find(|(k, _)| *k == n.text)
                    .map_or(f64::NAN, |v| v.1)
            },
            &|n: &Name| n.text == "yes",
        )
    }

    #[test]
    fn precedence_and_names() {
        assert_eq!(eval("1 + 2 * 3", &[]), 7.0);
        assert_eq!(eval("(1 + 2) * 3", &[]), 9.0);
        assert_eq!(eval("-2 - -3", &[]), 1.0);
        let ph = eval(
            "ph-25 - 0.028 * (buffer.temperature - 25)",
            &[("ph-25", 8.0), ("buffer.temperature", 4.0)],
        );
        assert!((ph - 8.588).abs() < 1e-9);
        assert_eq!(eval("clamp(5, 0, 3) + fact(yes) + fact(no)", &[]), 4.0);
        assert_eq!(eval("log10(1000)", &[]), 3.0);
        assert_eq!(eval("log10(0)", &[]), -323.3);
        assert_eq!(eval("1 / 0", &[]), 0.0);
    }

    #[test]
    fn errors_have_positions() {
        assert_eq!(parse("1 +").unwrap_err().at, 3..3);
        assert_eq!(parse("sqrt(2)").unwrap_err().at, 0..4);
        assert!(parse("((((").is_err());
        assert!(parse(&"(".repeat(1000)).is_err());
        assert!(parse(&"-".repeat(1000)).is_err());
    }

    #[test]
    fn a_formula_has_a_bounded_size() {
        // The probe's F4: a flat chain of 50,000 terms overflowed the stack when it was walked.
        let long = vec!["seed.vcd"; 50_000].join(" + ");
        let e = parse(&long).unwrap_err();
        assert!(e.message.contains("too long"), "{}", e.message);
        let fits = vec!["a"; MAX_NODES / 2].join(" * ");
        assert!(parse(&fits).is_ok());
        let calls = format!("min({})", vec!["1"; MAX_NODES + 1].join(", "));
        assert!(parse(&calls).is_err());
    }
}
