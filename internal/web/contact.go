package web

import (
	"context"
	"net/http"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

func (s *Server) addContact(w http.ResponseWriter, r *http.Request) {
	s.appForm(w, r, "contact", func(ctx context.Context, u *tracker.User, appID int64) error {
		c := &tracker.Contact{
			UserID: u.ID, ApplicationID: appID, Role: tracker.ContactRole(formString(r, "role")),
			Name: formString(r, "name"), Email: formString(r, "email"), Notes: formText(r, "notes"), CreatedAt: s.now(),
		}
		if err := c.Validate(); err != nil {
			return err
		}
		return s.store.AddContact(ctx, c)
	})
}

func (s *Server) removeContact(w http.ResponseWriter, r *http.Request) {
	s.appForm(w, r, "contact-"+r.PathValue("cid"), func(ctx context.Context, u *tracker.User, appID int64) error {
		cid, err := pathID(r, "cid")
		if err != nil {
			return err
		}
		cs, err := s.store.Contacts(ctx, u.ID, appID)
		if err != nil {
			return err
		}
		for _, c := range cs {
			if c.ID == cid {
				return s.store.RemoveContact(ctx, u.ID, cid, s.now())
			}
		}
		return errs.NotFoundf("contact %d is not one of this application's contacts", cid)
	})
}
