// SPDX-License-Identifier: MIT
#include "LayoutWorker.h"

#include "layout/GraphvizLayout.h"
#include "layout/LayoutJson.h"

namespace mls {

int LayoutWorker::run(QIODevice &in, QTextStream &out, QTextStream &err)
{
    QString error;
    const std::optional<LayoutInput> input = LayoutJson::readInput(in.readAll(), &error);
    if (!input) {
        err << "mlsketch layout-worker: " << error << '\n';
        return 2;
    }
    out << QString::fromUtf8(LayoutJson::write(GraphvizLayout::run(*input))) << '\n';
    out.flush();
    return 0;
}

} // namespace mls
