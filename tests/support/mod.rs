pub mod desk;
pub mod fixture;
