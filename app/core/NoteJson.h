// SPDX-License-Identifier: MIT
#pragma once

#include "Limits.h"
#include "Note.h"

#include <QString>

#include <optional>

namespace mls {

/// A note's place in the .mlsketch file (an entry of the top-level "notes" array), kept apart
/// from the reader and writer so they call it from one place each.
namespace NoteJson {

/// Why a note in a file is refused: where ("notes[3].w") and what.
struct Error
{
    QString where;
    QString what;
};

/// Default sizes of a new note, scene units.
constexpr qreal stickySize = 160;
constexpr qreal textWidth = 200;
constexpr qreal textHeight = 60;

/// "text" / "sticky", as written in the file.
QString styleName(Note::Style style);
std::optional<Note::Style> styleFromName(const QString &name);

/// Reads the note object @p v found at @p path (e.g. "notes[3]"): every field is checked
/// against @p limits; unknown fields are kept in Note::extra. nullopt, with @p error naming
/// the field, when the note is malformed. Id uniqueness is the caller's (it knows the others).
std::optional<Note> noteFromJson(const Json &v, const QString &path, const Limits &limits,
                                 Error *error);
/// The note as written: id, style, text, x, y, w, h, color (only when set), then the unknown
/// fields in their order.
Json noteToJson(const Note &n);

} // namespace NoteJson
} // namespace mls
