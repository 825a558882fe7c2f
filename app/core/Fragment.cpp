// SPDX-License-Identifier: MIT
#include "Fragment.h"

#include "DiagramReader.h"
#include "DiagramWriter.h"

#include <QHash>
#include <QSet>

namespace mls {

Fragment Fragment::extract(const Diagram &d, const QStringList &ids)
{
    Fragment f;
    const QSet<QString> wanted(ids.begin(), ids.end());
    // Keep file order so a copy and paste keeps the relative order of elements.
    for (const Component &c : d.components()) {
        if (wanted.contains(c.id))
            f.components.push_back(c);
    }
    for (const Connection &c : d.connections()) {
        if (wanted.contains(c.from) && wanted.contains(c.to))
            f.connections.push_back(c);
    }
    for (const Group &g : d.groups()) {
        bool inside = !g.members.isEmpty();
        for (const QString &m : g.members)
            inside = inside && wanted.contains(m);
        if (inside)
            f.groups.push_back(g);
    }
    for (const Note &n : d.notes()) {
        if (wanted.contains(n.id))
            f.notes.push_back(n);
    }
    return f;
}

std::optional<Fragment> Fragment::fromBytes(const QByteArray &bytes, QString *error)
{
    ReadResult r = DiagramReader::read(bytes, QStringLiteral("clipboard"));
    if (!r.ok()) {
        if (error)
            *error = r.error;
        return std::nullopt;
    }
    Fragment f;
    f.components = r.diagram->components().toVector();
    f.connections = r.diagram->connections().toVector();
    f.groups = r.diagram->groups().toVector();
    f.notes = r.diagram->notes().toVector();
    return f;
}

QByteArray Fragment::toBytes() const
{
    Diagram d;
    int i = 0;
    for (const Component &c : components)
        d.insertComponent(i++, c);
    i = 0;
    for (const Connection &c : connections)
        d.insertConnection(i++, c);
    i = 0;
    for (const Group &g : groups)
        d.insertGroup(i++, g);
    i = 0;
    for (const Note &n : notes)
        d.insertNote(i++, n);
    return DiagramWriter::write(d);
}

void Fragment::makeInsertableInto(const Diagram &target, const QPointF &offset)
{
    QSet<QString> taken;
    int counter = int(target.components().size() + target.connections().size() +
                      target.groups().size() + target.notes().size());
    auto fresh = [&](const QString &prefix) {
        QString id;
        do {
            id = prefix + QString::number(++counter);
        } while (target.containsId(id) || taken.contains(id));
        taken.insert(id);
        return id;
    };
    QHash<QString, QString> renamed;
    for (Component &c : components) {
        const QString id = fresh(QStringLiteral("c"));
        renamed.insert(c.id, id);
        c.id = id;
        c.pos += offset;
    }
    for (Connection &c : connections) {
        c.id = fresh(QStringLiteral("e"));
        c.from = renamed.value(c.from);
        c.to = renamed.value(c.to);
    }
    for (Group &g : groups) {
        g.id = fresh(QStringLiteral("g"));
        for (QString &m : g.members)
            m = renamed.value(m);
    }
    for (Note &n : notes) {
        n.id = fresh(QStringLiteral("n"));
        n.rect.translate(offset);
    }
}

} // namespace mls
