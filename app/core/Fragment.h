// SPDX-License-Identifier: MIT
#pragma once

#include "Diagram.h"

#include <QByteArray>
#include <QStringList>

#include <optional>
#include <vector>

namespace mls {

/// A piece of a diagram (components, the connections among them, the zones wholly inside, and
/// notes):
/// what copy puts on the clipboard and paste inserts. Serialised as a small .mlsketch document.
struct Fragment
{
    std::vector<Component> components;
    std::vector<Connection> connections;
    std::vector<Group> groups;
    std::vector<Note> notes;

    bool isEmpty() const
    {
        return components.empty() && connections.empty() && groups.empty() && notes.empty();
    }

    /// The components and notes @p ids, the connections between those components, and the
    /// zones whose members are all among them.
    static Fragment extract(const Diagram &d, const QStringList &ids);
    /// Reads a fragment written by toBytes() (or any .mlsketch document).
    static std::optional<Fragment> fromBytes(const QByteArray &bytes, QString *error);
    QByteArray toBytes() const;

    /// Gives every element a fresh id unused in @p target, rewrites references, and shifts
    /// components and notes by @p offset.
    void makeInsertableInto(const Diagram &target, const QPointF &offset);
};

} // namespace mls
