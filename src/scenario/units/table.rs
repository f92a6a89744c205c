//! Every unit a scenario or a learner may write: its dimension and its factor to the dimension's
//! base unit; what converts to what (within a dimension, and between a molar and a mass
//! concentration only with a molar mass); the help for an unknown unit.

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
