package web

import (
	"testing"

	"golang.org/x/crypto/bcrypt"
)

// A login for an unknown email compares against dummyHash: it must be a
// valid hash at the cost real passwords are hashed with, or a missing
// user would answer faster than a wrong password.
func TestDummyHashCostsAsMuchAsAPassword(t *testing.T) {
	cost, err := bcrypt.Cost(dummyHash)
	if err != nil {
		t.Fatalf("dummyHash is not a bcrypt hash: %v", err)
	}
	real, err := HashPassword("a password")
	if err != nil {
		t.Fatal(err)
	}
	if want, _ := bcrypt.Cost([]byte(real)); cost != want {
		t.Errorf("dummyHash costs %d, a password %d", cost, want)
	}
	if checkPassword("", "safar-no-such-user") {
		t.Error("an unknown email logged in")
	}
}
