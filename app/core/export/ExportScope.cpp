// SPDX-License-Identifier: MIT
#include "ExportScope.h"

#include "Diagram.h"
#include "Fragment.h"

#include <QSet>

namespace mls {

QStringList ExportScope::componentIds(const Diagram &d, const QStringList &ids)
{
    QSet<QString> wanted;
    for (const QString &id : ids) {
        if (d.component(id)) {
            wanted.insert(id);
        } else if (const Connection *c = d.connection(id)) {
            wanted.insert(c->from);
            wanted.insert(c->to);
        } else if (const Group *g = d.group(id)) {
            for (const QString &m : g->members)
                wanted.insert(m);
        }
    }
    QStringList result; // file order, so the subset paints like the original
    for (const Component &c : d.components()) {
        if (wanted.contains(c.id))
            result << c.id;
    }
    return result;
}

std::unique_ptr<Diagram> ExportScope::subset(const Diagram &d, const QStringList &ids)
{
    const Fragment part = Fragment::extract(d, componentIds(d, ids));
    auto out = std::make_unique<Diagram>();
    out->setMeta(d.meta());
    out->reserve(int(part.components.size()), int(part.connections.size()));
    for (const Component &c : part.components)
        out->insertComponent(int(out->components().size()), c);
    for (const Connection &c : part.connections)
        out->insertConnection(int(out->connections().size()), c);
    for (const Group &g : part.groups)
        out->insertGroup(int(out->groups().size()), g);
    const QSet<QString> chosen(ids.begin(), ids.end());
    for (const Note &n : d.notes()) { // only the notes chosen themselves
        if (chosen.contains(n.id))
            out->insertNote(int(out->notes().size()), n);
    }
    return out;
}

} // namespace mls
