package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/offer"
	"github.com/offerloop/offerloop/internal/tracker"
)

// The offers page keeps the user's offers file, the same YAML that `offerloop
// offer compare` reads, and a market table the user loaded, in the store's
// settings: no tables of its own.
const (
	settingOffersYAML   = "offers_yaml"
	settingOffersMarket = "offers_market_json"
)

// offersState is what the store holds for the offers page, read and parsed.
type offersState struct {
	YAML      string      // the saved file, "" when none
	File      *offer.File // nil when none, or when the saved text no longer parses
	FileErr   error       // why the saved text does not parse
	Market    *offer.Market
	Custom    bool   // the market table is one the user loaded
	MarketErr string // why a loaded table was set aside
}

func (s *Server) loadOffers(ctx context.Context, userID int64) (*offersState, error) {
	st := &offersState{}
	var err error
	if st.YAML, err = s.store.Setting(ctx, userID, settingOffersYAML); err != nil {
		return nil, err
	}
	if strings.TrimSpace(st.YAML) != "" {
		st.File, st.FileErr = offer.Parse([]byte(st.YAML))
		if st.FileErr != nil && !userError(st.FileErr) {
			return nil, st.FileErr
		}
	}
	raw, err := s.store.Setting(ctx, userID, settingOffersMarket)
	if err != nil {
		return nil, err
	}
	if raw != "" {
		m, err := offer.ParseMarket([]byte(raw))
		if err == nil {
			st.Market, st.Custom = m, true
		} else {
			st.MarketErr = "the market table you loaded cannot be read any more (" + message(err) + "), so the shipped table is used"
		}
	}
	if st.Market == nil {
		if st.Market, err = offer.DefaultMarket(); err != nil {
			return nil, fmt.Errorf("offers: %w", err)
		}
	}
	return st, nil
}

// offersPage renders the page from what is saved; edit lets a handler put the
// user's rejected input and its message in before rendering.
func (s *Server) offersPage(w http.ResponseWriter, r *http.Request, code int, edit func(d *offersPageData)) {
	ctx := r.Context()
	u, err := s.user(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	st, err := s.loadOffers(ctx, u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d, err := s.buildOffersPage(ctx, u.ID, st)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	q := r.URL.Query()
	switch {
	case q.Get("saved") == "1":
		d.Notice = "Offers saved."
	case q.Get("weights") == "1":
		d.Notice = "Weights saved: the ranking below uses them, and so does offerloop offer compare."
	case q.Get("market") == "1":
		d.Notice = "Market table loaded."
	case q.Get("market") == "reset":
		d.Notice = "Back to the market table offerloop ships with."
	case q.Get("deadlines") == "1":
		d.Notice = "Deadlines sent to the tracker."
	}
	d.Status = code
	if edit != nil {
		d.Notice = ""
		edit(d)
	}
	s.renderStatus(w, r, code, "offers", d)
}

func (s *Server) offers(w http.ResponseWriter, r *http.Request) {
	s.offersPage(w, r, http.StatusOK, nil)
}

// saveOffers checks the editor's text with offer.Parse and saves it; on a
// mistake the page comes back with the message and the text as typed, and
// nothing is saved. Saved deadlines go to the tracker.
func (s *Server) saveOffers(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if err := s.parseForm(w, r); err != nil {
		s.offersFormError(w, r, err, func(d *offersPageData) { d.EditorError = message(err) })
		return
	}
	text := formText(r, "yaml")
	err := func() error {
		if strings.TrimSpace(text) == "" {
			return errs.Invalidf("the offers file is empty: write at least one offer")
		}
		if len(text)+1 > tracker.MaxText {
			return errs.E(errs.TooLarge, "the offers file is too long to keep: at most %d KB", tracker.MaxText/1000)
		}
		f, err := offer.Parse([]byte(text))
		if err != nil {
			return err
		}
		u, err := s.user(ctx)
		if err != nil {
			return err
		}
		if err := s.store.SetSetting(ctx, u.ID, settingOffersYAML, text+"\n"); err != nil {
			return err
		}
		_, err = s.offerDeadlines(ctx, u.ID, f, true)
		return err
	}()
	if err != nil {
		s.offersFormError(w, r, err, func(d *offersPageData) {
			d.EditorError, d.YAML, d.EditorOpen = message(err), text, true
		})
		return
	}
	seeOther(w, r, "/offers?saved=1")
}

// offersFormError re-renders the page with a user's mistake, or fails.
func (s *Server) offersFormError(w http.ResponseWriter, r *http.Request, err error, edit func(d *offersPageData)) {
	if !userError(err) {
		s.fail(w, r, err)
		return
	}
	s.offersPage(w, r, status(err, true), edit)
}

// saveWeights writes the decision matrix's weights into the saved file's
// weights, so that the CLI ranks the same way.
func (s *Server) saveWeights(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	typed := map[string]string{}
	err := func() error {
		if err := s.parseForm(w, r); err != nil {
			return err
		}
		u, err := s.user(ctx)
		if err != nil {
			return err
		}
		st, err := s.loadOffers(ctx, u.ID)
		if err != nil {
			return err
		}
		if st.File == nil {
			return errs.Invalidf("save your offers before weighing them")
		}
		weights, err := readWeights(r, weightNames(st.File), typed)
		if err != nil {
			return err
		}
		text, err := setWeights(st.YAML, st.File, weights)
		if err != nil {
			return err
		}
		if len(text) > tracker.MaxText {
			return errs.E(errs.TooLarge, "the offers file would be too long to keep")
		}
		return s.store.SetSetting(ctx, u.ID, settingOffersYAML, text)
	}()
	if err != nil {
		s.offersFormError(w, r, err, func(d *offersPageData) {
			d.WeightsError = message(err)
			for i := range d.Weights {
				if v, ok := typed[d.Weights[i].Name]; ok {
					d.Weights[i].Value = v
				}
			}
		})
		return
	}
	seeOther(w, r, "/offers?weights=1#ranking")
}

// loadMarket keeps a market table the user uploads (JSON, at most 1 MiB), as
// a file in a form or as the request's JSON body.
func (s *Server) loadMarket(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	err := func() error {
		data, err := readMarketUpload(w, r)
		if err != nil {
			return err
		}
		m, err := offer.ParseMarket(data)
		if err != nil {
			return err
		}
		compact, err := json.Marshal(m)
		if err != nil {
			return fmt.Errorf("market: %w", err)
		}
		if len(compact) > tracker.MaxText {
			return errs.E(errs.TooLarge, "the market table has too many ranges to keep: at most %d KB of JSON", tracker.MaxText/1000)
		}
		u, err := s.user(ctx)
		if err != nil {
			return err
		}
		return s.store.SetSetting(ctx, u.ID, settingOffersMarket, string(compact))
	}()
	if err != nil {
		if wantsJSON(r) {
			s.fail(w, r, err)
			return
		}
		s.offersFormError(w, r, err, func(d *offersPageData) { d.MarketError = message(err) })
		return
	}
	if wantsJSON(r) {
		writeJSON(w, http.StatusOK, map[string]any{"market": "loaded"})
		return
	}
	seeOther(w, r, "/offers?market=1#market")
}

// resetMarket goes back to the shipped market table.
func (s *Server) resetMarket(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u, err := s.user(ctx)
	if err == nil {
		err = s.store.SetSetting(ctx, u.ID, settingOffersMarket, "")
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	seeOther(w, r, "/offers?market=reset#market")
}

// syncOfferDeadlines sends the saved offers' deadlines to the tracker again,
// for applications that reached the offer stage after the file was saved.
func (s *Server) syncOfferDeadlines(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	err := func() error {
		u, err := s.user(ctx)
		if err != nil {
			return err
		}
		st, err := s.loadOffers(ctx, u.ID)
		if err != nil {
			return err
		}
		if st.File == nil {
			return errs.Invalidf("save your offers first")
		}
		_, err = s.offerDeadlines(ctx, u.ID, st.File, true)
		return err
	}()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	seeOther(w, r, "/offers?deadlines=1#deadlines")
}

// apiOffers is the comparison as `offerloop offer compare --json` prints it.
func (s *Server) apiOffers(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u, err := s.user(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	st, err := s.loadOffers(ctx, u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if st.FileErr != nil {
		s.fail(w, r, st.FileErr)
		return
	}
	if st.File == nil {
		s.fail(w, r, errs.NotFoundf("no offers saved yet"))
		return
	}
	c, err := offer.Compare(st.File, st.Market)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, c)
}

// maxMarketBytes caps a market table upload.
const maxMarketBytes = offer.MaxFileBytes

// readMarketUpload reads the "file" part of a multipart form, or a JSON body,
// refusing more than maxMarketBytes with TooLarge.
func readMarketUpload(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	limit := int64(maxMarketBytes)
	r.Body = http.MaxBytesReader(w, r.Body, limit+64<<10)
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var data []byte
	switch ct {
	case "application/json":
		b, err := io.ReadAll(io.LimitReader(r.Body, limit+1))
		if err != nil {
			return nil, uploadError(err, limit)
		}
		data = b
	case "multipart/form-data":
		mr, err := r.MultipartReader()
		if err != nil {
			return nil, errs.Invalidf("choose a market file to upload")
		}
		for data == nil {
			p, err := mr.NextPart()
			if errors.Is(err, io.EOF) {
				return nil, errs.Invalidf("choose a market file to upload")
			}
			if err != nil {
				return nil, uploadError(err, limit)
			}
			if p.FormName() != "file" {
				continue
			}
			if data, err = io.ReadAll(io.LimitReader(p, limit+1)); err != nil {
				return nil, uploadError(err, limit)
			}
		}
	default:
		return nil, errs.Invalidf("send the market table as a file (multipart/form-data) or as JSON")
	}
	if int64(len(data)) > limit {
		return nil, errs.E(errs.TooLarge, "the market file is too large: the limit is %s", byteSize(limit))
	}
	if len(strings.TrimSpace(string(data))) == 0 {
		return nil, errs.Invalidf("the market file is empty")
	}
	return data, nil
}
