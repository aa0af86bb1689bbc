//! Meetings a document tells of over several sentences.
//!
//! News introduces a meeting once (`ein sogenannter Mini-Gipfel der Willigen`, `die
//! Bischofskonferenz trifft sich zu ihrer Sommervollversammlung in Mariazell`) and then names
//! its host, place and participants in later sentences, referring back to it with a definite or
//! demonstrative meeting noun (`An den Gesprächen werden X und Y teilnehmen`, `Dieser Vorgipfel,
//! bei dem X vertreten sein wird`) or with a meeting verb whose clause names no participant
//! (`Ab 12 Uhr tagen auf Einladung von X die Länderchefs`). The document pass keeps the meeting
//! told of last: who joins it met who took part before, and was at its place.
//!
//! Which nouns and verbs name a meeting is data (`meeting_nouns`, `meeting_verbs` in
//! `data/de/constructions.ron`); which constructions let participants join an earlier meeting is
//! the field `joins_event` of a construction.

use crate::gazetteer::EntityIdx;

/// Sentences after its last mention within which a meeting can still be referred back to.
pub const WINDOW: usize = 8;

/// Participants (and places) a meeting keeps at most: a document that keeps adding people to one
/// meeting cannot make every later sentence pair each newcomer with all before (time and output
/// stay linear in the document).
pub const MAX_PARTICIPANTS: usize = 32;

/// A meeting told of over several sentences.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Event {
    /// Where it takes place.
    pub places: Vec<EntityIdx>,
    /// Persons who took part, host included.
    pub participants: Vec<EntityIdx>,
    /// Who invited to it (`auf Einladung von X`): who joins it later was invited by them.
    pub inviters: Vec<EntityIdx>,
    /// The sentence that mentioned it last.
    pub last: usize,
}

/// What a sentence says of a meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// A meeting of its own (an indefinite or possessive meeting noun, or one with its own
    /// place), not the one told of before.
    pub new: bool,
    /// Places it names for the meeting.
    pub places: Vec<EntityIdx>,
    /// Persons it names as taking part.
    pub participants: Vec<EntityIdx>,
    /// Persons it names as having invited to it.
    pub inviters: Vec<EntityIdx>,
}

/// The meeting a document told of last.
#[derive(Debug, Default)]
pub struct Events {
    current: Option<Event>,
}

impl Events {
    /// The meeting a sentence `si` can refer back to.
    pub fn current(&self, si: usize) -> Option<&Event> {
        self.current.as_ref().filter(|e| si <= e.last + WINDOW)
    }

    /// Takes in what sentence `si` said, in order.
    pub fn note(&mut self, si: usize, notes: &[Note]) {
        for n in notes {
            let open = self.current.is_some() && self.current(si).is_some();
            // A meeting noun with no one and nowhere of its own in the sentence that told of
            // the meeting goes on with it (`empfing X zu einem Gespräch, an das sich
            // Verhandlungen der Delegationen anschlossen`).
            let same = open
                && n.participants.is_empty()
                && n.places.is_empty()
                && self
                    .current
                    .as_ref()
                    .is_some_and(|e| e.last == si && !e.participants.is_empty());
            if (n.new && !same) || !open {
                self.current = Some(Event {
                    last: si,
                    ..Event::default()
                });
            }
            let e = self.current.as_mut().expect("set above");
            e.last = si;
            for (list, new) in [
                (&mut e.places, &n.places),
                (&mut e.participants, &n.participants),
                (&mut e.inviters, &n.inviters),
            ] {
                for &p in new {
                    if list.len() < MAX_PARTICIPANTS && !list.contains(&p) {
                        list.push(p);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(new: bool, places: &[u32], participants: &[u32]) -> Note {
        Note {
            new,
            places: places.to_vec(),
            participants: participants.to_vec(),
            inviters: Vec::new(),
        }
    }

    #[test]
    fn a_reference_adds_to_the_meeting_and_a_new_one_replaces_it() {
        let mut ev = Events::default();
        assert!(ev.current(0).is_none());
        ev.note(0, &[note(true, &[7], &[])]);
        ev.note(2, &[note(false, &[], &[1, 2])]);
        let e = ev.current(3).expect("told of in sentence 2");
        assert_eq!((e.places.clone(), e.participants.clone()), (vec![7], vec![1, 2]));
        // Out of reach after the window.
        assert!(ev.current(2 + WINDOW + 1).is_none());
        // A reference out of reach opens a meeting of its own.
        ev.note(2 + WINDOW + 1, &[note(false, &[], &[3])]);
        assert_eq!(ev.current(2 + WINDOW + 1).unwrap().participants, vec![3]);
        ev.note(20, &[note(true, &[8], &[4])]);
        let e = ev.current(20).unwrap();
        assert_eq!((e.places.clone(), e.participants.clone()), (vec![8], vec![4]));
    }

    #[test]
    fn a_meeting_keeps_a_bounded_number_of_participants() {
        let mut ev = Events::default();
        ev.note(0, &[note(true, &[], &[])]);
        for k in 0..1000u32 {
            ev.note(1 + k as usize / 4, &[note(false, &[], &[k])]);
        }
        let e = ev.current(250).unwrap();
        assert_eq!(e.participants.len(), MAX_PARTICIPANTS);
        assert_eq!(e.participants[..3], [0, 1, 2]);
    }
}
