package dev.specgen.resolve;

/** One hop of ownership through a parent: JOIN parentClass ON childClass.childAttribute == parentClass.parentAttribute. */
public final class JoinModel {
    public final String parentClass;
    public final String childClass;
    public final String childAttribute;
    public final String parentAttribute;

    JoinModel(String parentClass, String childClass, String childAttribute, String parentAttribute) {
        this.parentClass = parentClass;
        this.childClass = childClass;
        this.childAttribute = childAttribute;
        this.parentAttribute = parentAttribute;
    }
}
