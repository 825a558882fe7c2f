// SPDX-License-Identifier: MIT
#pragma once

#include "Diagram.h"
#include "DiagramReader.h"

#include <QPointF>
#include <QtGlobal>

#include <memory>

namespace mls::test {

/// The design in the file at @p path; a file that does not read stops the test run, naming it.
inline std::unique_ptr<Diagram> readDesign(const QString &path)
{
    ReadResult read = DiagramReader::readFile(path);
    if (!read.ok())
        qFatal("%s: %s", qPrintable(path), qPrintable(read.error));
    return std::move(read.diagram);
}

/// Small builders for test diagrams.
inline Component component(const QString &id, const QString &kind, const QPointF &pos = {},
                           const QString &label = {})
{
    Component c;
    c.id = id;
    c.kind = kind;
    c.label = label.isEmpty() ? id : label;
    c.pos = pos;
    return c;
}

inline Connection connection(const QString &id, const QString &from, const QString &to,
                             const QString &flow)
{
    Connection c;
    c.id = id;
    c.from = from;
    c.to = to;
    c.flow = flow;
    return c;
}

/// client → gateway → ranking ← registry, zone "Online" around client and gateway.
inline void fillSmall(Diagram &d)
{
    d.insertComponent(0, component("client", "client", {0, 0}));
    d.insertComponent(1, component("gw", "api_gateway", {250, 0}));
    d.insertComponent(2, component("rank", "ranking", {500, 0}));
    d.insertComponent(3, component("reg", "model_registry", {500, 200}));
    d.insertConnection(0, connection("e1", "client", "gw", "requests"));
    d.insertConnection(1, connection("e2", "gw", "rank", "requests"));
    d.insertConnection(2, connection("e3", "reg", "rank", "model"));
    Group g;
    g.id = "g1";
    g.label = "Online";
    g.members = {"client", "gw"};
    d.insertGroup(0, g);
}

} // namespace mls::test
