// SPDX-License-Identifier: MIT
#pragma once

#include "Json.h"

#include <QRectF>
#include <QString>

namespace mls {

using NoteId = QString;

/// An annotation on the board: free text or a sticky note. Not a component: no rule, no
/// latency analysis, no grading, no layout and no text form reads it; it is saved, copied,
/// drawn and exported.
struct Note
{
    enum class Style
    {
        Text,  ///< free text: just the words, no frame
        Sticky ///< a coloured square note
    };

    NoteId id;
    QString text;
    QRectF rect; ///< top-left corner and size, scene units
    Style style = Style::Sticky;
    QString color;               ///< a sticky note's colour "#RRGGBB"; empty: the default yellow
    Json extra = Json::object(); ///< unknown fields, kept on a round trip

    bool operator==(const Note &o) const
    {
        return id == o.id && text == o.text && rect == o.rect && style == o.style &&
               color == o.color && extra == o.extra;
    }
    bool operator!=(const Note &o) const { return !(*this == o); }
};

} // namespace mls
