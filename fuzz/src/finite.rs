//! A serde serializer that writes nothing and fails at the first number that is not finite,
//! naming its path (e.g. `.strategies[1].months[7].fcf_usd`). Faster than walking a
//! `serde_json::Value`: no allocation on a clean walk, which keeps the fuzzers' executions fast.

use std::fmt;

use serde::ser::{self, Serialize};

/// Where the walk is.
#[derive(Clone, Copy)]
enum Segment {
    Field(&'static str),
    Index(usize),
}

/// The checker: the path to the value being visited.
#[derive(Default)]
pub struct Check {
    path: Vec<Segment>,
}

/// A number that is not finite, at a path.
#[derive(Debug)]
pub struct NotFinite(String);

impl fmt::Display for NotFinite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for NotFinite {}

impl ser::Error for NotFinite {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        NotFinite(msg.to_string())
    }
}

impl Check {
    fn number(&self, x: f64) -> Result<(), NotFinite> {
        if x.is_finite() {
            return Ok(());
        }
        let mut at = String::new();
        for s in &self.path {
            match s {
                Segment::Field(k) => at.push_str(&format!(".{k}")),
                Segment::Index(i) => at.push_str(&format!("[{i}]")),
            }
        }
        Err(NotFinite(format!("{at} = {x}: not a finite number")))
    }

    fn at<T: ?Sized + Serialize>(&mut self, s: Segment, v: &T) -> Result<(), NotFinite> {
        self.path.push(s);
        let r = v.serialize(&mut *self);
        self.path.pop();
        r
    }
}

/// A sequence or map being visited: the checker and the next index.
pub struct Compound<'a> {
    check: &'a mut Check,
    next: usize,
}

impl<'a> Compound<'a> {
    fn element<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), NotFinite> {
        let i = self.next;
        self.next += 1;
        self.check.at(Segment::Index(i), v)
    }
}

macro_rules! ok {
    ($($name:ident($($t:ty),*)),* $(,)?) => {
        $(fn $name(self $(, _: $t)*) -> Result<(), NotFinite> { Ok(()) })*
    };
}

impl<'a> ser::Serializer for &'a mut Check {
    type Ok = ();
    type Error = NotFinite;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    ok!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_char(char),
        serialize_str(&str),
        serialize_bytes(&[u8]),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(&'static str),
        serialize_unit_variant(&'static str, u32, &'static str),
    );

    fn serialize_f32(self, v: f32) -> Result<(), NotFinite> {
        self.number(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), NotFinite> {
        self.number(v)
    }
    fn serialize_some<T: ?Sized + Serialize>(self, v: &T) -> Result<(), NotFinite> {
        v.serialize(self)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), NotFinite> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<(), NotFinite> {
        self.at(Segment::Field(variant), v)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, NotFinite> {
        Ok(Compound {
            check: self,
            next: 0,
        })
    }
    fn serialize_tuple(self, _: usize) -> Result<Compound<'a>, NotFinite> {
        self.serialize_seq(None)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, NotFinite> {
        self.serialize_seq(None)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, NotFinite> {
        self.serialize_seq(None)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, NotFinite> {
        self.serialize_seq(None)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, NotFinite> {
        self.serialize_seq(None)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, NotFinite> {
        self.serialize_seq(None)
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = NotFinite;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), NotFinite> {
        self.element(v)
    }
    fn end(self) -> Result<(), NotFinite> {
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = NotFinite;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), NotFinite> {
        self.element(v)
    }
    fn end(self) -> Result<(), NotFinite> {
        Ok(())
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = NotFinite;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), NotFinite> {
        self.element(v)
    }
    fn end(self) -> Result<(), NotFinite> {
        Ok(())
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = NotFinite;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), NotFinite> {
        self.element(v)
    }
    fn end(self) -> Result<(), NotFinite> {
        Ok(())
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = NotFinite;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, k: &T) -> Result<(), NotFinite> {
        k.serialize(&mut *self.check)
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), NotFinite> {
        self.element(v)
    }
    fn end(self) -> Result<(), NotFinite> {
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = NotFinite;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), NotFinite> {
        self.check.at(Segment::Field(key), v)
    }
    fn end(self) -> Result<(), NotFinite> {
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = NotFinite;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), NotFinite> {
        self.check.at(Segment::Field(key), v)
    }
    fn end(self) -> Result<(), NotFinite> {
        Ok(())
    }
}
