package ops

import (
	"database/sql"
	"net/http"
)

func Archive(db *sql.DB, r *http.Request) {
	faceImage := r.FormValue("face_image")
	db.Exec("INSERT INTO archive (face_image) VALUES (?)", faceImage) // expect: storage-outside-purpose
}
