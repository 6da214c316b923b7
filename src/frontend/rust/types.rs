//! What a Rust type means to the IR: its dotted base name without
//! references, pointers, generics or the standard smart pointers, and the
//! type of the data a generic parameter holds.

use syn::punctuated::Punctuated;
use syn::{Pat, Token, Type};

pub(super) fn path_dotted(path: &syn::Path) -> String {
    path.segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect::<Vec<_>>()
        .join(".")
}

pub(super) fn last_segment(dotted: &str) -> &str {
    dotted.rsplit('.').next().unwrap_or(dotted)
}

/// The base type: no references, pointers, slices or generics
/// (`&mut axum::Json<T>` -> `axum.Json`, `impl Into<String>` -> `Into`).
/// The standard smart pointers are their content: their methods are the
/// content's (`Arc<AccountService>` -> `AccountService`).
pub(super) fn type_base(ty: &Type) -> Option<String> {
    let t = pointee(ty);
    match t {
        Type::Path(p) => {
            if is_smart_pointer(&p.path)
                && let Some(inner) = first_type_argument(&p.path)
            {
                return type_base(inner);
            }
            Some(path_dotted(&p.path))
        }
        Type::TraitObject(o) => first_trait(&o.bounds),
        Type::ImplTrait(i) => first_trait(&i.bounds),
        _ => None,
    }
}

/// The type behind references, pointers, slices, arrays and parentheses.
fn pointee(ty: &Type) -> &Type {
    let mut t = ty;
    loop {
        t = match t {
            Type::Reference(r) => &r.elem,
            Type::Ptr(p) => &p.elem,
            Type::Paren(p) => &p.elem,
            Type::Group(g) => &g.elem,
            Type::Slice(s) => &s.elem,
            Type::Array(a) => &a.elem,
            _ => return t,
        };
    }
}

/// `Arc`, `Rc` and `Box`, as written or with their `std` paths.
fn is_smart_pointer(path: &syn::Path) -> bool {
    let is_pointer = path
        .segments
        .last()
        .is_some_and(|s| s.ident == "Arc" || s.ident == "Rc" || s.ident == "Box");
    let from_std = path.segments.len() == 1
        || path
            .segments
            .first()
            .is_some_and(|s| s.ident == "std" || s.ident == "alloc");
    is_pointer && from_std
}

fn first_type_argument(path: &syn::Path) -> Option<&Type> {
    let syn::PathArguments::AngleBracketed(args) = &path.segments.last()?.arguments else {
        return None;
    };
    args.args.iter().find_map(|a| match a {
        syn::GenericArgument::Type(t) => Some(t),
        _ => None,
    })
}

/// The base of the first type argument of the base type, if it has one
/// (`web::Json<SignupForm>` -> `SignupForm`, `Arc<State<App>>` -> `App`).
pub(super) fn type_argument(ty: &Type) -> Option<String> {
    let mut t = pointee(ty);
    while let Type::Path(p) = t
        && is_smart_pointer(&p.path)
        && let Some(inner) = first_type_argument(&p.path)
    {
        t = pointee(inner);
    }
    match t {
        Type::Path(p) => type_base(first_type_argument(&p.path)?),
        _ => None,
    }
}

/// Whether a parameter pattern takes the value out of the wrapper type
/// `wrapper` (dotted, as written): `Json(form)` of `axum::Json<T>`.
pub(super) fn unwraps(pat: &Pat, wrapper: &str) -> bool {
    match pat {
        Pat::TupleStruct(ts) => {
            ts.elems.len() == 1
                && ts
                    .path
                    .segments
                    .last()
                    .is_some_and(|s| s.ident == last_segment(wrapper))
        }
        Pat::Paren(p) => unwraps(&p.pat, wrapper),
        _ => false,
    }
}

fn first_trait(bounds: &Punctuated<syn::TypeParamBound, Token![+]>) -> Option<String> {
    bounds.iter().find_map(|b| match b {
        syn::TypeParamBound::Trait(t) => Some(path_dotted(&t.path)),
        _ => None,
    })
}
