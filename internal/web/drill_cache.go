package web

import (
	"context"
	"slices"
	"sync"

	"github.com/offerloop/offerloop/internal/drill"
)

// drillCache is a drill.Store that remembers each user's cards and progress
// between requests. The drill service reads them whole several times for
// every card it shows (the deck, the new-card allowance, the interview-date
// plan); with thousands of user cards that was most of a review's time.
//
// Entries are keyed by the store's data version, which every committed write
// transaction of any process bumps, so a write from the CLI is seen at the
// next read. A rating recorded through this cache is the one write it can
// follow itself: when the version moved by exactly that write, the cached
// progress is patched with the card's new state and stays valid.
//
// The slices it returns are shared between requests (the drill service only
// reads them) and never changed once handed out: a rating replaces the
// progress slice rather than writing into it.
type drillCache struct {
	drill.Store
	version func(context.Context) (int64, error)

	mu    sync.Mutex
	users map[int64]*drillSnap
}

type drillSnap struct {
	v        int64
	cards    []drill.Card // the user's cards, when cardsOK
	cardsOK  bool
	progress []drill.Progress // every reviewed card, when progOK
	at       map[string]int   // card id → index in progress
	progOK   bool
}

type versioned interface {
	Version(ctx context.Context) (int64, error)
}

// newDrillCache wraps st when it can tell its data version; otherwise st is
// used as it is.
func newDrillCache(st drill.Store) drill.Store {
	vs, ok := st.(versioned)
	if !ok {
		return st
	}
	return &drillCache{Store: st, version: vs.Version, users: map[int64]*drillSnap{}}
}

// snap returns the user's entry for the current data version, new when the
// data changed, and that version.
func (c *drillCache) snap(ctx context.Context, userID int64) (*drillSnap, int64, error) {
	v, err := c.version(ctx)
	if err != nil {
		return nil, 0, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.users[userID]
	if s == nil || s.v != v {
		s = &drillSnap{v: v}
		c.users[userID] = s
	}
	return s, v, nil
}

func (c *drillCache) drop(userID int64) {
	c.mu.Lock()
	delete(c.users, userID)
	c.mu.Unlock()
}

// current returns the user's entry if it is still the one for version v.
func (c *drillCache) current(userID, v int64) *drillSnap {
	s := c.users[userID]
	if s == nil || s.v != v {
		return nil
	}
	return s
}

func (c *drillCache) UserCards(ctx context.Context, userID int64) ([]drill.Card, error) {
	s, v, err := c.snap(ctx, userID)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if s.cardsOK {
		out := s.cards
		c.mu.Unlock()
		return out, nil
	}
	c.mu.Unlock()
	// Read after the version: the cards are at least that new, so keeping
	// them under it can only cause an extra read later, never a stale one.
	cards, err := c.Store.UserCards(ctx, userID)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if s := c.current(userID, v); s != nil {
		s.cards, s.cardsOK = slices.Clip(cards), true
	}
	c.mu.Unlock()
	return cards, nil
}

// loadProgress makes sure the entry holds the user's progress.
func (c *drillCache) loadProgress(ctx context.Context, userID int64) (*drillSnap, error) {
	s, v, err := c.snap(ctx, userID)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	ok := s.progOK
	c.mu.Unlock()
	if ok {
		return s, nil
	}
	ps, err := c.Store.AllProgress(ctx, userID)
	if err != nil {
		return nil, err
	}
	at := make(map[string]int, len(ps))
	for i, p := range ps {
		at[p.CardID] = i
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if cur := c.current(userID, v); cur != nil {
		cur.progress, cur.at, cur.progOK = slices.Clip(ps), at, true
		return cur, nil
	}
	return &drillSnap{v: v, progress: ps, at: at, progOK: true}, nil
}

func (c *drillCache) AllProgress(ctx context.Context, userID int64) ([]drill.Progress, error) {
	s, err := c.loadProgress(ctx, userID)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return s.progress, nil
}

func (c *drillCache) HasProgress(ctx context.Context, userID int64, ids []string) (map[string]bool, error) {
	s, err := c.loadProgress(ctx, userID)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make(map[string]bool)
	for _, id := range ids {
		if _, ok := s.at[id]; ok {
			out[id] = true
		}
	}
	return out, nil
}

// Record stores a rating and, when nothing else wrote meanwhile, patches the
// cached progress instead of forgetting it.
func (c *drillCache) Record(ctx context.Context, prev, next drill.Progress, log *drill.ReviewLog) error {
	c.mu.Lock()
	var v0 int64 = -1
	if s := c.users[prev.UserID]; s != nil {
		v0 = s.v
	}
	c.mu.Unlock()
	if err := c.Store.Record(ctx, prev, next, log); err != nil {
		c.drop(prev.UserID)
		return err
	}
	v1, err := c.version(ctx)
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.current(prev.UserID, v0)
	if err != nil || s == nil || v1 != v0+1 {
		delete(c.users, prev.UserID)
		return nil
	}
	s.v = v1
	if s.progOK {
		// Copy on write: slices handed out earlier stay as they were.
		ps := slices.Clone(s.progress)
		if i, ok := s.at[next.CardID]; ok {
			ps[i] = next
		} else {
			at := make(map[string]int, len(s.at)+1)
			for k, i := range s.at {
				at[k] = i
			}
			at[next.CardID] = len(ps)
			ps = append(ps, next)
			s.at = at
		}
		s.progress = ps
	}
	return nil
}

// Writes that change cards or progress otherwise forget the user's entry.

func (c *drillCache) SaveUserCard(ctx context.Context, userID int64, card drill.Card) error {
	defer c.drop(userID)
	return c.Store.SaveUserCard(ctx, userID, card)
}

func (c *drillCache) DeleteUserCard(ctx context.Context, userID int64, id string) error {
	defer c.drop(userID)
	return c.Store.DeleteUserCard(ctx, userID, id)
}

func (c *drillCache) ImportUserCards(ctx context.Context, userID int64, cards []drill.Card) error {
	defer c.drop(userID)
	return c.Store.ImportUserCards(ctx, userID, cards)
}

func (c *drillCache) RestoreDrill(ctx context.Context, userID int64, d *drill.Dump) error {
	defer c.drop(userID)
	return c.Store.RestoreDrill(ctx, userID, d)
}

func (c *drillCache) SetSetting(ctx context.Context, userID int64, key, value string) error {
	defer c.drop(userID)
	return c.Store.SetSetting(ctx, userID, key, value)
}

var _ drill.Store = (*drillCache)(nil)
