package main

import (
	"net/http"
	"os"
)

func uploadFace(w http.ResponseWriter, r *http.Request) {
	faceImage := r.FormValue("face_image") // expect: consent-not-checked
	os.WriteFile("/data/face.jpg", []byte(faceImage), 0o600) // expect: consent-not-checked
}

func uploadFaceAfterConsent(w http.ResponseWriter, r *http.Request) {
	if !hasConsent(r, "face") {
		http.Error(w, "consent needed", http.StatusForbidden)
		return
	}
	faceImage := r.FormValue("face_image")
	os.WriteFile("/data/face.jpg", []byte(faceImage), 0o600)
}
