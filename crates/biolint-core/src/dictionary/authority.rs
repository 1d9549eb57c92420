//! The nomenclature authorities: HGNC names human genes, MGI mouse genes and RGD rat genes, and
//! a paper about mice or rats follows its species' authority (`Sirt1`, not SIRT1).

/// An organisation that approves gene symbols.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Authority {
    /// HUGO Gene Nomenclature Committee: human genes.
    Hgnc,
    /// Mouse Genome Informatics: mouse genes.
    Mgi,
    /// Rat Genome Database: rat genes.
    Rgd,
}

impl Authority {
    /// The name messages give: `HGNC`, `MGI`, `RGD`.
    pub fn name(self) -> &'static str {
        match self {
            Authority::Hgnc => "HGNC",
            Authority::Mgi => "MGI",
            Authority::Rgd => "RGD",
        }
    }
}

/// A mouse or rat gene, as its authority lists it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ModelGene {
    pub authority: Authority,
    /// The authority's number, without prefix (`87853`).
    pub number: &'static str,
    pub symbol: &'static str,
}

impl ModelGene {
    /// `MGI:87853`, `RGD:2003`.
    pub fn id(&self) -> String {
        format!("{}:{}", self.authority.name(), self.number)
    }
}

/// What a name is for MGI or RGD.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModelName {
    /// The gene's approved symbol.
    Symbol(ModelGene),
    /// A synonym of this gene alone.
    Synonym(ModelGene),
    /// A synonym of several genes.
    AmbiguousSynonym,
}
