// Assignments nested on the left of assignments: each level lowered the
// levels below it again, exponentially.
function f(v0) {
  x = ((((((((((((((((((((((((((((((((((((((((a = v0).f0 = v1).f1 = v2).f2 = v3).f3 = v4).f4 = v5).f5 = v6).f6 = v7).f7 = v8).f8 = v9).f9 = v10).f10 = v11).f11 = v12).f12 = v13).f13 = v14).f14 = v15).f15 = v16).f16 = v17).f17 = v18).f18 = v19).f19 = v20).f20 = v21).f21 = v22).f22 = v23).f23 = v24).f24 = v25).f25 = v26).f26 = v27).f27 = v28).f28 = v29).f29 = v30).f30 = v31).f31 = v32).f32 = v33).f33 = v34).f34 = v35).f35 = v36).f36 = v37).f37 = v38).f38 = v39).f39 = 1;
}
