//! Output formats. Each turns engine results into text; none does any I/O.

pub mod diagnostics;
pub mod entities;
