//! The layout of each visual of a slide, a pure function of the knowledge base, the step and the size:
//! where each mark, label, axis tick and row goes. The terminal draws these; nothing is placed twice.

pub mod chart;
pub mod map;
pub mod timeline;
pub mod world;
