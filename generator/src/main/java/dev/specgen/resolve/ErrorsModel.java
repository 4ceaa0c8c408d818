package dev.specgen.resolve;

import java.util.List;

/** Every error shape the contract declares, and which one each operation answers per status. */
public final class ErrorsModel {
    public final List<Shape> shapes;
    public final String fallbackShape;
    public final List<OperationErrors> operations;
    public final List<PathMethods> paths;
    /** Some operation answers an invalid path user id with its 401 (a caller id that cannot be the caller). */
    public final boolean pathUnauthorized;

    /** The contract's codes for errors outside every operation (an unknown path). */
    public final List<CodeEntry> fallbackCodes;
    public final boolean hasFallbackCodes;

    ErrorsModel(List<Shape> shapes, String fallbackShape, List<OperationErrors> operations, List<PathMethods> paths,
            List<CodeEntry> fallbackCodes, boolean pathUnauthorized) {
        this.fallbackCodes = List.copyOf(fallbackCodes);
        this.hasFallbackCodes = !fallbackCodes.isEmpty();
        this.pathUnauthorized = pathUnauthorized;
        this.shapes = List.copyOf(shapes);
        this.fallbackShape = fallbackShape;
        this.operations = List.copyOf(operations);
        this.paths = List.copyOf(paths);
    }

    /** One shape: the Python literals the template prints. */
    public static final class Shape {
        public final String nameLiteral;
        public final String mediaTypeLiteral;
        public final List<String> fills;
        public final List<String> itemFills;
        public final boolean hasItemFills;
        /** A one-element tuple keeps its comma on one line (ruff format joins it); none is (). */
        public final boolean oneFill;
        public final boolean noFill;
        public final boolean oneItemFill;

        Shape(String nameLiteral, String mediaTypeLiteral, List<String> fills, List<String> itemFills) {
            this.nameLiteral = nameLiteral;
            this.mediaTypeLiteral = mediaTypeLiteral;
            this.fills = List.copyOf(fills);
            this.itemFills = List.copyOf(itemFills);
            this.hasItemFills = !itemFills.isEmpty();
            this.oneFill = fills.size() == 1;
            this.noFill = fills.isEmpty();
            this.oneItemFill = itemFills.size() == 1;
        }
    }

    public static final class OperationErrors {
        public final String methodLiteral;
        public final String pathLiteral;
        public final int validationStatus;
        public final List<String> statusShapes;
        public final boolean hasStatusShapes;
        public final List<String> declared;
        /** Python {@code "param": status} entries: what an invalid path parameter answers instead. */
        public final List<String> pathStatuses;
        public final boolean hasPathStatuses;

        /** What a reference to a missing or unseen row answers (0: the operation declares nothing fitting). */
        public final int referenceStatus;
        public final boolean hasReferenceStatus;
        /** The contract's code for each situation word the server raises, where its code member is an enum. */
        public final List<CodeEntry> codes;
        public final boolean hasCodes;

        OperationErrors(String methodLiteral, String pathLiteral, int validationStatus, List<String> statusShapes,
                List<String> declared, List<String> pathStatuses, int referenceStatus, List<CodeEntry> codes) {
            this.referenceStatus = referenceStatus;
            this.hasReferenceStatus = referenceStatus != 0;
            this.codes = List.copyOf(codes);
            this.hasCodes = !codes.isEmpty();
            this.pathStatuses = List.copyOf(pathStatuses);
            this.hasPathStatuses = !pathStatuses.isEmpty();
            this.methodLiteral = methodLiteral;
            this.pathLiteral = pathLiteral;
            this.validationStatus = validationStatus;
            this.statusShapes = List.copyOf(statusShapes);
            this.hasStatusShapes = !statusShapes.isEmpty();
            this.declared = List.copyOf(declared);
        }
    }

    /** A situation word the server raises and the contract's code for it, as Python literals. */
    public static final class CodeEntry {
        public final String wordLiteral;
        public final String valueLiteral;

        CodeEntry(String wordLiteral, String valueLiteral) {
            this.wordLiteral = wordLiteral;
            this.valueLiteral = valueLiteral;
        }
    }

    /** A path template and the methods the contract declares on it (the Allow header of a 405). */
    public static final class PathMethods {
        public final String pathLiteral;
        public final String methodsLiteral;

        PathMethods(String pathLiteral, String methodsLiteral) {
            this.pathLiteral = pathLiteral;
            this.methodsLiteral = methodsLiteral;
        }
    }
}
